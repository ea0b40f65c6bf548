package nl.noodrem.features.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import nl.noodrem.app.recheck.StatusListRecheck;
import nl.noodrem.app.recheck.StatusListRecheck.ActiveHold;
import nl.noodrem.domain.Oin;
import nl.noodrem.features.cluster.Cluster;
import nl.noodrem.ledger.IssuerClient;
import nl.noodrem.ledger.KeyId;
import nl.noodrem.ledger.Ledger;
import nl.noodrem.ledger.LedgerOptions;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import nl.noodrem.ledger.devchain.DemoIssuer;
import nl.noodrem.ledger.devchain.DevChainBootstrap;
import nl.noodrem.ledger.devchain.DevChainDeployment;
import nl.noodrem.processes.port.StatusSlot;
import nl.noodrem.zkp.credential.DebtAssistanceCredentialV1;
import nl.noodrem.zkp.keys.EncryptedFileIssuerKeyStore;

/**
 * The nightly re-verification benchmark of issue 7: {@code --holds} active holds (default 100,000) on credentials of
 * two municipalities, {@code --revoked} of them (default 1,000) revoked on chain, checked with
 * {@link StatusListRecheck} — the app's bulk check — against a real chain (its own Anvil, the real registries). Runs
 * the check five times and reports each, and fails unless exactly the revoked holds are found.
 */
final class StatusRecheckBenchmark {

  private StatusRecheckBenchmark() {}

  static void main(String[] args) throws Exception {
    int holds = Integer.parseInt(LoadMain.option(args, "holds", "100000"));
    int revokedCount = Integer.parseInt(LoadMain.option(args, "revoked", "1000"));
    Path root = Cluster.findRepositoryRoot();
    Path work = Files.createTempDirectory("noodrem-recheck");
    List<Oin> issuers = List.of(Oin.of("00000001999990001000"), Oin.of("00000001999990002000"));
    try (AnvilDevChain anvil = AnvilDevChain.start(AnvilDevChain.Config.forProject(root));
        EncryptedFileIssuerKeyStore keys = new EncryptedFileIssuerKeyStore(work.resolve("keys.json"),
            "benchmark-only".toCharArray())) {
      Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
      List<DemoIssuer> demo = new ArrayList<>();
      for (Oin oin : issuers) {
        var key = keys.generate(oin);
        demo.add(new DemoIssuer(oin, "Gemeente " + oin.value(), KeyId.of(key.keyId().value()), key.chainEncoding(),
            from, from.plus(365, ChronoUnit.DAYS)));
      }
      DevChainDeployment deployment = DevChainBootstrap.bootstrap(anvil.rpcUrl(), demo,
          HexFormat.of().parseHex(DebtAssistanceCredentialV1.DOCUMENT_SHA256), LedgerOptions.DEFAULT);
      try (Ledger ledger = Ledger.connect(anvil.rpcUrl(), deployment.addressBook(), LedgerOptions.DEFAULT)) {
        List<ActiveHold> active = new ArrayList<>();
        List<ActiveHold> revoked = new ArrayList<>();
        Random random = new Random(7);
        long setup = System.nanoTime();
        int perIssuer = holds / issuers.size();
        for (DevChainDeployment.Issuer issuer : deployment.issuers()) {
          IssuerClient client = ledger.issuer(issuer.account());
          long list = issuer.statusListId();
          // a year of issuance leaves holes: one in ten slots belongs to a credential without a running brake
          int slots = perIssuer + perIssuer / 10;
          long first = client.allocateIndices(list, slots).firstIndex();
          List<Long> all = new ArrayList<>();
          for (long i = first; i < first + slots; i++) {
            all.add(i);
          }
          Collections.shuffle(all, random);
          List<Long> held = all.subList(0, perIssuer);
          for (Long index : held) {
            active.add(new ActiveHold("NR-" + active.size(), new StatusSlot(list, index)));
          }
          List<Long> toRevoke = new ArrayList<>(held.subList(0, revokedCount / issuers.size()));
          for (int i = 0; i < toRevoke.size(); i += 1000) {
            client.revokeBatch(list, toRevoke.subList(i, Math.min(toRevoke.size(), i + 1000)));
          }
          active.stream().filter(h -> h.slot().statusListId() == list && toRevoke.contains(h.slot().statusIndex()))
              .forEach(revoked::add);
        }
        System.out.printf("set-up: %d active holds on %d lists, %d revoked on chain, in %.1f s%n", active.size(),
            issuers.size(), revoked.size(), (System.nanoTime() - setup) / 1e9);
        Collections.shuffle(active, random);
        StatusListRecheck recheck = new StatusListRecheck(ledger);
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= 5; run++) {
          long start = System.nanoTime();
          StatusListRecheck.Result result = recheck.check(active);
          double s = (System.nanoTime() - start) / 1e9;
          seconds.add(s);
          System.out.printf("run %d: %d holds checked, %d lists, %d eth_call, %d revoked found, %.3f s%n", run,
              result.checked(), result.lists(), result.chainCalls(), result.revoked().size(), s);
          if (result.revoked().size() != revoked.size() || !result.revoked().containsAll(revoked)) {
            throw new AssertionError("the check found " + result.revoked().size() + " revoked holds, expected "
                + revoked.size());
          }
        }
        Collections.sort(seconds);
        System.out.printf("%n==== nightly re-verification: %d active holds, median %.3f s, worst %.3f s (aim < 10 s) ====%n",
            holds, seconds.get(2), seconds.get(4));
      }
    }
  }
}
