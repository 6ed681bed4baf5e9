export { describeIssues } from '../shared/protocol/humanize.js';
