// Browser entry point: static/js/wallet.js, an ES module.
//
//   <script type="module">
//     import {NoodremWallet} from '/js/wallet.js';
//     const wallet = await NoodremWallet.open({resolveIssuerKey: keyId => fetch(...).then(r => r.json())});
//   </script>
//
// See src/main/frontend/README.md for the API.
export * from '../wallet/index.js';
