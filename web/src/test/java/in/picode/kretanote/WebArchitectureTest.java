package in.picode.kretanote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web layer's dependency rules (README, How it is built; issue 16): pages and resources call
 * ejb boundaries, and see an entity only where a boundary hands it out. Today many pages still
 * import controls and entities; those violations are frozen in {@code
 * src/test/resources/archunit_store} (a new one fails the build; a fixed one leaves the store when
 * the test runs, commit the smaller store).
 *
 * <p>One control is allowed by name: {@code platform.control.Tenancy}, for the security classes
 * only ({@code platform.security}). The tenant-binding filter binds the signed-in user's tenant to
 * the request thread and the identity store records a sign-in for the user's tenant; binding the
 * tenant is what the security layer is for, and a boundary that only forwarded three static calls
 * would hide where the tenant comes from rather than fence it.
 */
class WebArchitectureTest {

  static final String ROOT = "in.picode.kretanote";
  static final String SECURITY = ROOT + ".platform.security";
  static final String TENANCY = ROOT + ".platform.control.Tenancy";

  static JavaClasses web;
  static JavaClasses all;

  @BeforeAll
  static void importClasses() {
    web = new ClassFileImporter().importPath(Path.of("target/classes"));
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void webFeaturesDoNotDependOnEachOtherInACircle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(web);
  }

  @Test
  void theWebLayerCallsEjbBoundariesOnly() {
    Set<String> webClasses = new HashSet<>();
    web.forEach(c -> webClasses.add(c.getName()));
    Set<String> exposed = exposedByBoundaries();
    ArchRule rule =
        classes()
            .should(useOnlyBoundariesOfTheCore(webClasses, exposed))
            .as("web depends on ejb boundary packages only (and on entities a boundary returns)");
    FreezingArchRule.freeze(rule).check(web);
  }

  /** Entity types (and their nested types) that appear in a public boundary method's signature. */
  static Set<String> exposedByBoundaries() {
    Set<String> exposed = new HashSet<>();
    for (JavaClass c : all) {
      if (!c.getPackageName().matches(ROOT.replace(".", "\\.") + "\\.[a-z]+\\.boundary")) {
        continue;
      }
      for (JavaMethod m : c.getMethods()) {
        if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
          continue;
        }
        m.getReturnType().getAllInvolvedRawTypes().forEach(t -> exposed.add(t.getName()));
        m.getParameterTypes()
            .forEach(p -> p.getAllInvolvedRawTypes().forEach(t -> exposed.add(t.getName())));
      }
    }
    exposed.removeIf(n -> !n.contains(".entity."));
    return exposed;
  }

  static ArchCondition<JavaClass> useOnlyBoundariesOfTheCore(
      Set<String> webClasses, Set<String> exposed) {
    return new ArchCondition<>("use only boundaries of the core") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Set<String> found = new TreeSet<>();
        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          while (target.isArray()) {
            target = target.getComponentType();
          }
          String name = target.getName();
          if (!name.startsWith(ROOT + ".") || webClasses.contains(name)) {
            continue;
          }
          String pkg = target.getPackageName();
          boolean boundary = pkg.endsWith(".boundary");
          boolean tenantBinding = name.equals(TENANCY) && origin.getPackageName().equals(SECURITY);
          String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
          boolean exposedEntity = exposed.contains(name) || exposed.contains(outer);
          if (!boundary && !exposedEntity && !tenantBinding) {
            found.add(origin.getName() + " uses " + name);
          }
        }
        found.forEach(f -> events.add(SimpleConditionEvent.violated(origin, f)));
      }
    };
  }
}
