package com.paystream.testkit.junit;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.KafkaBroker;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.Postgres;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link KafkaBroker}, {@link Postgres} and {@link DatabaseCoordinates} parameters from
 * {@link SharedInfrastructure}. The database is created once per test class and named after it, so
 * that test classes never see each other's rows.
 */
public final class RealInfrastructureExtension implements ParameterResolver {

  private static final Set<Class<?>> SUPPORTED =
      Set.of(KafkaBroker.class, Postgres.class, DatabaseCoordinates.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SUPPORTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == KafkaBroker.class) {
      return SharedInfrastructure.kafka();
    }
    if (type == Postgres.class) {
      return SharedInfrastructure.postgres();
    }
    return classDatabase(context);
  }

  private static DatabaseCoordinates classDatabase(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    return classContext(context)
        .getStore(NAMESPACE)
        .computeIfAbsent(
            testClass,
            key -> SharedInfrastructure.postgres().createDatabase(databaseName(testClass)),
            DatabaseCoordinates.class);
  }

  /** The context of the test class itself, shared by all its methods (and its constructor). */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  static String databaseName(Class<?> testClass) {
    String name = testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return SharedInfrastructure.uniqueName(name.isEmpty() ? "test" : name);
  }
}
