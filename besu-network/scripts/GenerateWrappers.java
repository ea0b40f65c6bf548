// Generates web3j Java wrappers for every <Contract>.abi/.bin pair in a directory, in one JVM.
// Run by the Maven build (exec:exec) as a single-file Java program on a classpath holding
// org.web3j:codegen. It runs in its own process because web3j's generator calls System.exit on
// failure, which must not take Maven down with it.
//
// usage: java -cp <codegen classpath> scripts/GenerateWrappers.java <contractsDir> <outDir> <package>
import java.io.File;
import java.util.Arrays;
import org.web3j.codegen.SolidityFunctionWrapperGenerator;

public class GenerateWrappers {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: GenerateWrappers <contractsDir> <outDir> <package>");
      System.exit(2);
    }
    File contracts = new File(args[0]);
    File outDir = new File(args[1]);
    File[] abis = contracts.listFiles((dir, name) -> name.endsWith(".abi"));
    if (abis == null || abis.length == 0) {
      System.err.println("no .abi files in " + contracts);
      System.exit(1);
    }
    Arrays.sort(abis);
    for (File abi : abis) {
      String name = abi.getName().substring(0, abi.getName().length() - ".abi".length());
      File bin = new File(contracts, name + ".bin");
      File wrapper = new File(outDir, args[2].replace('.', File.separatorChar) + File.separator + name + ".java");
      if (wrapper.lastModified() > Math.max(abi.lastModified(), bin.lastModified())) {
        System.out.println("wrapper " + args[2] + "." + name + " up to date");
        continue;
      }
      // native Java types (BigInteger, byte[], String, List) keep the client free of web3j's Uint64 & co.
      new SolidityFunctionWrapperGenerator(bin, abi, outDir, name, args[2], true, false, 20).generate();
      System.out.println("generated wrapper " + args[2] + "." + name);
    }
  }
}
