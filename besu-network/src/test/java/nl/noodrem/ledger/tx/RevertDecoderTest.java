package nl.noodrem.ledger.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import nl.noodrem.ledger.ContractError;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes20;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;

class RevertDecoderTest {

  static final RevertDecoder DECODER = RevertDecoder.forRegistries();

  /** Revert data as Solidity writes it: the same layout as a call to a function named like the error. */
  static String revertData(String error, Type<?>... args) {
    return FunctionEncoder.encode(new Function(error, List.of(args), List.of()));
  }

  @Test
  void decode_customErrorWithArguments_namesErrorAndArguments() {
    String data = revertData("IndexOutOfRange", new Uint64(3), new Uint64(5000), new Uint64(4096));

    ContractError error = DECODER.decode(data).orElseThrow();

    assertThat(error.name()).isEqualTo("IndexOutOfRange");
    assertThat(error.arguments()).extracting(ContractError.Argument::name)
        .containsExactly("statusListId", "statusIndex", "capacity");
    assertThat(error.values()).containsExactly(BigInteger.valueOf(3), BigInteger.valueOf(5000), BigInteger.valueOf(4096));
    assertThat(error.argument("capacity")).contains(BigInteger.valueOf(4096));
    assertThat(error).hasToString("IndexOutOfRange(statusListId=3, statusIndex=5000, capacity=4096)");
  }

  @Test
  void decode_addressAndAsciiBytes_areReadable() {
    byte[] oin = "00000001002220647000".getBytes();
    String data = revertData("AccountAlreadyAssigned",
        new Address("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), new Bytes20(oin));

    ContractError error = DECODER.decode(data).orElseThrow();

    assertThat(error.values().get(0)).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat((byte[]) error.values().get(1)).isEqualTo(oin);
    assertThat(error.toString()).contains("issuerOin=\"00000001002220647000\"");
  }

  @Test
  void decode_dynamicArguments_stringsDecode() {
    String data = revertData("SchemaAlreadyRegistered", new Utf8String("DebtAssistanceCredential"), new Uint32(1));

    assertThat(DECODER.decode(data).orElseThrow().values())
        .containsExactly("DebtAssistanceCredential", BigInteger.ONE);
  }

  @Test
  void decode_errorWithoutArguments() {
    assertThat(DECODER.decode(revertData("EmptyBatch")).orElseThrow()).hasToString("EmptyBatch()");
  }

  @Test
  void decode_builtInErrorAndPanic() {
    assertThat(DECODER.decode(revertData("Error", new Utf8String("boom"))).orElseThrow().values()).containsExactly("boom");
    assertThat(DECODER.decode(revertData("Panic", new Uint256(0x11))).orElseThrow().name()).isEqualTo("Panic");
  }

  @Test
  void decode_unknownSelectorOrGarbage_isEmpty() {
    assertThat(DECODER.decode("0xdeadbeef")).isEmpty();
    assertThat(DECODER.decode("0x")).isEmpty();
    assertThat(DECODER.decode(null)).isEmpty();
    // known selector, truncated arguments
    String truncated = revertData("IndexOutOfRange", new Uint64(3), new Uint64(5), new Uint64(6)).substring(0, 20);
    assertThat(DECODER.decode(truncated)).isEmpty();
  }

  @Test
  void revertDataOf_findsHexInDataOrMessage() {
    assertThat(RevertDecoder.revertDataOf("\"0x2c8f0dd30000\"", "execution reverted")).contains("0x2c8f0dd30000");
    assertThat(RevertDecoder.revertDataOf(null, "execution reverted: custom error 0x2c8f0dd3: ...")).contains("0x2c8f0dd3");
    assertThat(RevertDecoder.revertDataOf(null, "execution reverted")).isEmpty();
  }

  @Test
  void forRegistries_knowsEveryRegistryError() {
    assertThat(DECODER.toString()).isEqualTo("RevertDecoder[40 errors]"); // 38 custom + Error + Panic
  }
}
