// Browser entry point: static/js/portal.js, the portal pages' script (an ES module loaded by layout.html).
// It bundles the wallet library from ../wallet/ and the page glue from ../portal/.
//
// Exported for tests and for pages that need to restart the session watch with other values:
//   const {watchSession} = await import('/js/portal.js'); watchSession({idleSeconds: 125});
import {startPortal} from '../portal/main.js';

export {watchSession} from '../portal/session.js';

startPortal();
