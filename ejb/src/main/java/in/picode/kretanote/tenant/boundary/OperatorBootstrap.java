package in.picode.kretanote.tenant.boundary;

import in.picode.kretanote.platform.boundary.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first platform operator at startup, so a fresh installation can be run without a
 * default password anywhere: the operator's email comes from {@code kretanote.operator.email} and
 * the password from {@code kretanote.operator.initial-password}, best kept in a Payara password
 * alias of that name ({@code asadmin create-password-alias kretanote.operator.initial-password};
 * Payara's MicroProfile Config reads aliases as properties) or in the environment variable {@code
 * KRETANOTE_OPERATOR_INITIAL_PASSWORD}.
 *
 * <p>Nothing happens when either key is missing or once any operator exists: the keys only seed an
 * empty installation and never overwrite a password. Remove the alias after the first start; the
 * operator then changes the password with "Forgot password". Two servers starting together may both
 * try; the unique email lets one win. If the database is not ready yet, it tries again every 30
 * seconds.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperatorBootstrap {

  private static final System.Logger LOG = System.getLogger(OperatorBootstrap.class.getName());
  static final long RETRY_MILLIS = 30_000;

  @Inject
  @ConfigProperty(name = "kretanote.operator.email")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "kretanote.operator.initial-password")
  Optional<String> initialPassword;

  @Inject Operators operators;
  @Inject SchemaMigrations migrations;
  @Resource TimerService timers;

  @PostConstruct
  void atStartup() {
    if (email.isEmpty() || initialPassword.isEmpty()) {
      return;
    }
    if (!attempt()) {
      timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("operator", false));
    }
  }

  @Timeout
  void retry(Timer timer) {
    if (attempt()) {
      timer.cancel();
    }
  }

  /** True when there is nothing left to do (done, or a configuration error an admin must fix). */
  private boolean attempt() {
    if (!migrations.state().isApplied()) {
      return false;
    }
    try {
      switch (operators.createFirst(email.get(), initialPassword.get())) {
        case CREATED ->
            LOG.log(
                Level.INFO,
                "Created the first platform operator {0}; remove kretanote.operator.initial-password"
                    + " now",
                email.get());
        case ALREADY_PRESENT ->
            LOG.log(
                Level.INFO,
                "A platform operator exists; kretanote.operator.initial-password is ignored and can be"
                    + " removed");
        case EMAIL_TAKEN ->
            LOG.log(
                Level.ERROR,
                "kretanote.operator.email {0} belongs to a tenant user; choose another address",
                email.get());
      }
      return true;
    } catch (AccountChangeRefusedException e) {
      LOG.log(Level.ERROR, "No platform operator created: {0}", e.getMessage());
      return true;
    } catch (RuntimeException e) {
      // Database not reachable, or another server created the operator a moment earlier.
      LOG.log(
          Level.WARNING,
          "Could not create the platform operator yet ({0}); trying again",
          e.getClass().getSimpleName());
      return false;
    }
  }
}
