/** Every screen of the eco-map, in one chunk loaded when an eco-map item is first drawn. */
// TextLineForm (the centre, a decline's reason) is the work groups' one line form; its styles come with it.
import '../workgroup/workgroup.css';
import './ecomap.css';

export { EcoMapBoard } from './EcoMapBoard.js';
export { EcoMapConsole } from './EcoMapConsole.js';
export { EcoMapPhone } from './EcoMapPhone.js';
export { EcoMapReportPreview } from './EcoMapReportPreview.js';
