/**
 * DEVELOPMENT AND TEST ONLY: the parts of a local production-like cluster that stand in for what a real deployment
 * has elsewhere — the dev chain in place of the Besu network ({@link nl.noodrem.app.production.devonly.DevChainNode}),
 * the legacy stand-ins and the DigiD simulator in a process of their own
 * ({@link nl.noodrem.app.production.devonly.StandinsNode}), and a sticky load balancer
 * ({@link nl.noodrem.app.production.devonly.StickyProxy}). Started by {@code app/production/cluster.sh}, never by
 * the app: no class outside this package uses them (checked by {@code ProductionArchitectureTest}).
 */
package nl.noodrem.app.production.devonly;
