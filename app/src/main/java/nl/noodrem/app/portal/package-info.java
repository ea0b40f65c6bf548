/**
 * The citizen portal: server-rendered Thymeleaf pages (templates/*.html, texts in messages.properties (Dutch) and
 * messages_en.properties) with small progressive scripts (frontend/src/portal, bundled as /js/portal.js together with
 * the wallet library).
 *
 * <table>
 *   <caption>Pages</caption>
 *   <tr><th>path</th><th>access</th><th>what</th></tr>
 *   <tr><td>{@code /}</td><td>public</td><td>what the Noodrem is; the two paths</td></tr>
 *   <tr><td>{@code /noodrem}</td><td>public</td><td>start of the brake; DigiD login starts and a cancel lands here</td></tr>
 *   <tr><td>{@code /portaal/noodrem}</td><td>DigiD Substantieel</td><td>pull the brake (self-declaration); then the
 *       held cases, the hold's end, the proof deadline, what happens next and the messages; a payment plan offered
 *       when a hold ended is accepted from its message (form post to {@code /portaal/noodrem/betalingsregeling})</td></tr>
 *   <tr><td>{@code /portaal/noodrem/bewijs}</td><td>DigiD Substantieel</td><td>present the proof: disclosure, consent,
 *       proof made in the browser, outcome</td></tr>
 *   <tr><td>{@code /portaal/wallet}</td><td>DigiD</td><td>the stored proofs, details, delete, backup file</td></tr>
 *   <tr><td>{@code /gemeente}, {@code /gemeente/{oin}}</td><td>public</td><td>choose a municipality; its start page
 *       with the DigiD login and whom to call</td></tr>
 *   <tr><td>{@code /gemeente/{oin}/schuldhulpbewijs[/aanvraag/{ref}]}</td><td>DigiD</td><td>ask for the proof, follow
 *       the request, collect it straight into the wallet, or read why it cannot be given</td></tr>
 * </table>
 *
 * <p>Language: Dutch unless the citizen chose English ({@code ?lang=en}, cookie {@code NOODREM-TAAL}). The portal's
 * pages carry a strict Content-Security-Policy (no inline script or style), because the wallet decrypts credentials
 * in this origin. Scripts get their texts from the {@code js.*} message keys through the body's {@code data-texts}.
 */
package nl.noodrem.app.portal;
