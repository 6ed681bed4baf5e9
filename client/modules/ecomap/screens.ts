/** Every screen of the eco-map, in one chunk loaded when an eco-map item is first drawn. */
import './ecomap.css';

export { EcoMapBoard } from './EcoMapBoard.js';
export { EcoMapConsole } from './EcoMapConsole.js';
export { EcoMapPhone } from './EcoMapPhone.js';
export { EcoMapReportPreview } from './EcoMapReportPreview.js';
