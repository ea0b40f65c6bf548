package nl.noodrem.ledger.testing;

import java.nio.file.Path;
import nl.noodrem.ledger.devchain.AnvilDevChain;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real Anvil node (the binary the build installed) before a test class and stops it after.
 * Tests take it as an {@link AnvilDevChain} parameter; each test deploys its own registries on it, so
 * tests in a class do not see each other's state.
 */
public final class AnvilExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AnvilExtension.class);

  /** The besu-network folder: surefire runs tests with the module as working directory. */
  public static Path moduleRoot() {
    return Path.of("").toAbsolutePath();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    AnvilDevChain chain = AnvilDevChain.start(AnvilDevChain.Config.forProject(moduleRoot()));
    context.getStore(NS).put(AnvilDevChain.class, chain);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    AnvilDevChain chain = context.getStore(NS).remove(AnvilDevChain.class, AnvilDevChain.class);
    if (chain != null) {
      chain.stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == AnvilDevChain.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return findInClassStore(extension);
  }

  private static Object findInClassStore(ExtensionContext context) {
    ExtensionContext c = context;
    while (c != null) {
      Object chain = c.getStore(NS).get(AnvilDevChain.class);
      if (chain != null) {
        return chain;
      }
      c = c.getParent().orElse(null);
    }
    throw new IllegalStateException("no Anvil started for " + context.getDisplayName());
  }
}
