package in.picode.kretanote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import in.picode.kretanote.meta.boundary.GraphApi;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the business core (README, How it is built; issue 16), checked on the
 * compiled classes of this module. Rules that the code does not meet yet are frozen ({@link
 * FreezingArchRule}): the violations of today are stored in {@code
 * src/test/resources/archunit_store}, a new one fails the build, and a fixed one leaves the store
 * when the test runs next (commit the smaller store).
 */
class ArchitectureTest {

  static final String ROOT = "in.picode.kretanote";
  private static final Pattern FEATURE = Pattern.compile("in\\.picode\\.kretanote\\.([a-z]+)\\..*");

  static JavaClasses core;

  @BeforeAll
  static void importClasses() {
    core = new ClassFileImporter().importPath(Path.of("target/classes"));
  }

  @Test
  void featuresDoNotDependOnEachOtherInACircle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  void nothingInTheCoreImportsTheWebLayer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".*.view..", ROOT + ".*.rest..", ROOT + ".*.security..")
        .check(core);
  }

  /**
   * A feature's entities are created and changed only by that feature: another feature reads them
   * (getters) or calls the owner's boundary. Constructing another feature's entity, calling one of
   * its static factories or a method that is not a getter is what persisting it takes, so that is
   * what the rule looks for (bytecode does not tell which entity an {@code EntityManager.persist}
   * receives). JPQL and native SQL strings are not seen.
   */
  @Test
  void entitiesAreWrittenOnlyByTheirOwnFeature() {
    ArchRule rule =
        classes()
            .should(writeOnlyEntitiesOfTheirOwnFeature())
            .as("entities of a feature are created and changed only by that feature's classes");
    FreezingArchRule.freeze(rule).check(core);
  }

  /**
   * Meta is called through {@code meta.boundary.GraphApi} only: its transport and JAX-RS client
   * stay inside {@code meta}. Two other HTTP clients exist and are not Meta's Graph API: the
   * payment provider adapter and the sandbox sign-up helper that asks the simulator's control API.
   */
  @Test
  void onlyMetaTalksToTheGraphApi() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".meta..")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".billing.control.PaymentProvider")
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".connection.control.SandboxSignup")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + ".meta.control.GraphTransport")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs.client..")
        .check(core);
  }

  /**
   * Nothing holds a database transaction while it waits for Meta. Every business method of an EJB
   * that reaches a {@code GraphApi} call (directly or through its own private methods) runs with
   * {@code @TransactionAttribute(NOT_SUPPORTED)} or {@code NEVER}; a class that calls Meta and is
   * not an EJB cannot say so and is a violation. Today's violations are frozen (Sending's markRead
   * and media upload, the template calls): they are being moved out.
   */
  @Test
  void noMethodThatCallsMetaRunsInATransaction() {
    ArchRule rule =
        classes()
            .that()
            .resideOutsideOfPackage(ROOT + ".meta..")
            .should(callMetaOnlyOutsideATransaction())
            .as("no method that calls the Graph API runs in a container transaction");
    FreezingArchRule.freeze(rule).check(core);
  }

  static Optional<String> feature(JavaClass c) {
    Matcher m = FEATURE.matcher(c.getName());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static boolean isEntity(JavaClass c) {
    return c.getPackageName().contains(".entity")
        && (c.isAnnotatedWith(Entity.class) || c.isAnnotatedWith(Embeddable.class));
  }

  private static boolean readsOnly(JavaAccess<?> access) {
    String name = access.getName();
    return name.startsWith("get")
        || name.startsWith("is")
        || name.startsWith("has")
        || name.equals("equals")
        || name.equals("hashCode")
        || name.equals("toString");
  }

  static ArchCondition<JavaClass> writeOnlyEntitiesOfTheirOwnFeature() {
    return new ArchCondition<>("write only entities of their own feature") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = feature(origin);
        Set<String> found = new TreeSet<>();
        for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
          JavaClass target = access.getTargetOwner();
          if (!isEntity(target) || feature(target).equals(own)) {
            continue;
          }
          boolean constructs = access.getName().equals("<init>");
          boolean writes = access instanceof JavaMethodCall && !readsOnly(access) || constructs;
          if (writes) {
            events.add(
                SimpleConditionEvent.violated(
                    origin,
                    origin.getName()
                        + (constructs ? " creates " : " changes ")
                        + target.getName()
                        + (constructs ? "" : " via " + access.getName() + "()")
                        + ", an entity of feature "
                        + feature(target).orElse("?")));
          }
        }
      }
    };
  }

  static ArchCondition<JavaClass> callMetaOnlyOutsideATransaction() {
    return new ArchCondition<>("call Meta only outside a transaction") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Set<JavaCodeUnit> reaching = new LinkedHashSet<>();
        Deque<JavaCodeUnit> todo = new ArrayDeque<>();
        for (JavaCodeUnit unit : origin.getCodeUnits()) {
          boolean callsMeta =
              unit.getMethodCallsFromSelf().stream()
                  .anyMatch(
                      call ->
                          call.getTargetOwner().isEquivalentTo(GraphApi.class)
                              && !call.getName().equals("settings"));
          if (callsMeta) {
            reaching.add(unit);
            todo.add(unit);
          }
        }
        // Private and package helpers are reached through the class's own business methods.
        while (!todo.isEmpty()) {
          JavaCodeUnit callee = todo.pop();
          for (JavaCodeUnit unit : origin.getCodeUnits()) {
            boolean callsCallee =
                unit.getCallsFromSelf().stream()
                    .anyMatch(
                        call ->
                            call.getTargetOwner().equals(origin)
                                && call.getTarget().resolveMember().stream()
                                    .anyMatch(callee::equals));
            if (callsCallee && reaching.add(unit)) {
              todo.add(unit);
            }
          }
        }
        boolean ejb =
            origin.isAnnotatedWith(Stateless.class) || origin.isAnnotatedWith(Singleton.class);
        for (JavaCodeUnit unit : reaching) {
          // Only public instance methods are business methods: the container starts or
          // suspends a transaction there, and the helpers they call run in it.
          boolean business =
              unit instanceof JavaMethod
                  && unit.getModifiers().contains(JavaModifier.PUBLIC)
                  && !unit.getModifiers().contains(JavaModifier.STATIC);
          if (!business) {
            continue;
          }
          TransactionAttributeType type = transaction(origin, unit);
          boolean outside =
              type == TransactionAttributeType.NOT_SUPPORTED
                  || type == TransactionAttributeType.NEVER;
          if (!ejb || !outside) {
            events.add(
                SimpleConditionEvent.violated(
                    origin,
                    unit.getFullName()
                        + " reaches the Graph API "
                        + (ejb
                            ? "in a " + type + " transaction"
                            : "in a class that is not an EJB")));
          }
        }
      }
    };
  }

  static TransactionAttributeType transaction(JavaClass owner, JavaCodeUnit unit) {
    return attribute(unit.tryGetAnnotationOfType(TransactionAttribute.class.getName()))
        .or(() -> attribute(owner.tryGetAnnotationOfType(TransactionAttribute.class.getName())))
        .orElse(TransactionAttributeType.REQUIRED);
  }

  private static Optional<TransactionAttributeType> attribute(
      Optional<? extends JavaAnnotation<?>> annotation) {
    return annotation
        .flatMap(a -> a.get("value"))
        .map(v -> TransactionAttributeType.valueOf(String.valueOf(v).replaceAll(".*\\.", "")));
  }
}
