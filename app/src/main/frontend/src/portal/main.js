// Starts the portal's behaviour on every page: focus on an error summary, the session watch on logged-in pages, and
// the page's own script (chosen by the body's data-page).

import {byId, linkErrorSummaries} from './dom.js';
import {initBrakePage} from './brake.js';
import {initIssuancePage} from './issuance.js';
import {initProofPage} from './proof.js';
import {watchSession} from './session.js';
import {initWalletPage} from './wallet-page.js';

const PAGES = {
  brake: initBrakePage,
  proof: initProofPage,
  'municipality-status': initIssuancePage,
  wallet: initWalletPage
};

export function startPortal() {
  linkErrorSummaries();
  const summary = byId('foutmeldingen');
  if (summary) {
    summary.focus();
  }
  if (document.body.dataset.sessionIdle) {
    watchSession();
  }
  const init = PAGES[document.body.dataset.page];
  if (init) {
    Promise.resolve(init()).catch(e => {
      console.error('portal page script failed', e);
    });
  }
}
