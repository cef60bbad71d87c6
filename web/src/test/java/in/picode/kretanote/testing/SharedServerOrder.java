package in.picode.kretanote.testing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the classes with a server of their own (Arquillian's) first, in name order, then the test
 * classes that share a server ({@link SharedServer}) next to the others with the same deployment,
 * the largest group first, so each deployment starts Payara Micro once. Set as the default class
 * order in {@code junit-platform.properties}.
 */
public final class SharedServerOrder implements ClassOrderer {

  /** The last class in the order that shares a server: its server stops after it. */
  static volatile Class<?> lastShared;

  @Override
  public void orderClasses(ClassOrdererContext context) {
    Map<Class<?>, String> keys = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (ClassDescriptor d : context.getClassDescriptors()) {
      if (shares(d.getTestClass())) {
        String key = SharedServer.prepare(d.getTestClass()).key();
        keys.put(d.getTestClass(), key);
        sizes.merge(key, 1, Integer::sum);
      }
    }
    context
        .getClassDescriptors()
        .sort(
            Comparator.<ClassDescriptor, Boolean>comparing(d -> keys.containsKey(d.getTestClass()))
                .thenComparing(d -> -sizes.getOrDefault(keys.get(d.getTestClass()), 0))
                .thenComparing(d -> keys.getOrDefault(d.getTestClass(), ""))
                .thenComparing(d -> d.getTestClass().getName()));
    lastShared =
        context.getClassDescriptors().stream()
            .map(ClassDescriptor::getTestClass)
            .filter(keys::containsKey)
            .reduce((first, second) -> second)
            .orElse(null);
  }

  private static boolean shares(Class<?> c) {
    ExtendWith with = c.getAnnotation(ExtendWith.class);
    return with != null && Arrays.asList(with.value()).contains(SharedServer.class);
  }
}
