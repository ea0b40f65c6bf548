package nl.noodrem.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {

  @TempDir
  Path dir;

  @Test
  void load_noFile_isEmpty() {
    assertThat(new FileCheckpointStore(dir.resolve("cp.properties")).load()).isEmpty();
  }

  @Test
  void save_thenLoad_inANewInstance_returnsIt() {
    Checkpoint checkpoint = new Checkpoint(31337, "0xABCDEF0000000000000000000000000000000001", 120, 3,
        Optional.of("0x" + "ab".repeat(32)));

    new FileCheckpointStore(dir.resolve("sub/cp.properties")).save(checkpoint);

    Checkpoint loaded = new FileCheckpointStore(dir.resolve("sub/cp.properties")).load().orElseThrow();
    assertThat(loaded).isEqualTo(checkpoint);
    assertThat(loaded.contract()).isEqualTo("0xabcdef0000000000000000000000000000000001");
    assertThat(Files.exists(dir.resolve("sub/cp.properties.tmp"))).isFalse();
  }

  @Test
  void save_overwrites_startCheckpointHasNoAnchor() {
    FileCheckpointStore store = new FileCheckpointStore(dir.resolve("cp.properties"));
    store.save(Checkpoint.start(1, "0x0000000000000000000000000000000000000001", 9));
    assertThat(store.load().orElseThrow().anchorHash()).isEmpty();
    store.save(Checkpoint.start(1, "0x0000000000000000000000000000000000000001", 10).afterBlock(15, "0xaa"));
    assertThat(store.load().orElseThrow().nextBlock()).isEqualTo(16);
  }

  @Test
  void load_corruptFile_throwsStoreException() throws Exception {
    Path file = dir.resolve("cp.properties");
    Files.writeString(file, "chainId=1\nnextBlock=notanumber\n");
    assertThatThrownBy(() -> new FileCheckpointStore(file).load()).isInstanceOf(CheckpointStoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void checkpoint_positions_coverExactlyWhatWasDelivered() {
    Checkpoint start = Checkpoint.start(1, "0x01", 100);
    assertThat(start.covers(99, 7)).isTrue();
    assertThat(start.covers(100, 0)).isFalse();

    Checkpoint afterEvent = start.afterEvent(105, 2, "0xbb");
    assertThat(afterEvent.covers(105, 2)).isTrue();
    assertThat(afterEvent.covers(105, 3)).isFalse();
    assertThat(afterEvent.covers(106, 0)).isFalse();
    assertThat(afterEvent.anchorBlock()).isEqualTo(105);

    Checkpoint afterBlock = afterEvent.afterBlock(110, "0xcc");
    assertThat(afterBlock.covers(110, 999)).isTrue();
    assertThat(afterBlock.covers(111, 0)).isFalse();
    assertThat(afterBlock.anchorBlock()).isEqualTo(110);
  }
}
