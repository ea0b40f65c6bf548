package nl.noodrem.app.staff;

import java.util.List;
import nl.noodrem.app.chain.DemoMunicipalities;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * DEVELOPMENT ONLY: demo staff accounts so that every role can be tried in Tasklist and Cockpit. Their passwords
 * are {@code dev-only-<user id>}, printed in the start banner ({@link #logins()}); this bean does not exist outside
 * the {@code dev} profile.
 */
@Component
@Profile("dev")
public class DevelopmentStaffAccounts implements ApplicationRunner {

  /** One development-only login as the start banner prints it. */
  public record Login(String user, String password, String role) {}

  record Account(String id, String firstName, String lastName, List<String> groups) {}

  static final List<Account> ACCOUNTS = List.of(
      new Account("behandelaar", "Bente", "Behandelaar (CJIB)",
          List.of(StaffGroups.CASE_OFFICERS, StaffGroups.CJIB_OPERATIONS)),
      new Account("schuldhulp-denhaag", "Sam", "Schuldhulpverlener (Den Haag)",
          List.of(StaffGroups.debtCounsellors(DemoMunicipalities.DEN_HAAG.oin()))),
      new Account("schuldhulp-eindhoven", "Eva", "Schuldhulpverlener (Eindhoven)",
          List.of(StaffGroups.debtCounsellors(DemoMunicipalities.EINDHOVEN.oin()))),
      new Account("netwerkbeheer", "Noor", "Netwerkbeheerder (J&V)", List.of(StaffGroups.NETWORK_ADMINS)),
      new Account("procesbeheer", "Piet", "Proceseigenaar", List.of(StaffGroups.PROCESS_OWNERS)));

  private final IdentityService identity;

  DevelopmentStaffAccounts(IdentityService identity) {
    this.identity = identity;
  }

  static String password(String userId) {
    return "dev-only-" + userId;
  }

  /** The demo accounts with their development-only passwords, in a fixed order. */
  public List<Login> logins() {
    return ACCOUNTS.stream().map(a -> new Login(a.id(), password(a.id()), a.lastName())).toList();
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Account account : ACCOUNTS) {
      for (String groupId : account.groups()) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
          Group group = identity.newGroup(groupId);
          group.setName(groupId);
          group.setType("WORKFLOW");
          identity.saveGroup(group);
        }
      }
      if (identity.createUserQuery().userId(account.id()).count() == 0) {
        User user = identity.newUser(account.id());
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setPassword(password(account.id()));
        identity.saveUser(user);
        account.groups().forEach(g -> identity.createMembership(account.id(), g));
      }
    }
  }
}
