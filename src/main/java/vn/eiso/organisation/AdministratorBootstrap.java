package vn.eiso.organisation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.base.Role;
import vn.eiso.base.security.SystemAuthentication;

/**
 * First start outside the demo: an empty database gets a root unit and the administrator "admin" with the
 * password from configuration. There is no default password, so the start fails with a clear message instead.
 */
@Component
@Order(10)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";

    private final JooqUserRepository users;
    private final UnitService units;
    private final UserService userService;
    private final TransactionTemplate tx;
    private final boolean demo;
    private final String password;
    private final String rootCode;
    private final String rootName;

    AdministratorBootstrap(JooqUserRepository users, UnitService units, UserService userService,
            TransactionTemplate tx, @Value("${eiso.demo-data}") boolean demo,
            @Value("${eiso.bootstrap.admin-password}") String password,
            @Value("${eiso.bootstrap.root-unit-code}") String rootCode,
            @Value("${eiso.bootstrap.root-unit-name}") String rootName) {
        this.users = users;
        this.units = units;
        this.userService = userService;
        this.tx = tx;
        this.demo = demo;
        this.password = password;
        this.rootCode = rootCode;
        this.rootName = rootName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo || users.count() > 0) {
            return;
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("The database has no users. Set EISO_ADMIN_PASSWORD (property "
                    + "eiso.bootstrap.admin-password) to create the administrator 'admin' on this first start, "
                    + "or run with the demo profile.");
        }
        SystemAuthentication.runAsSystem(() -> tx.executeWithoutResult(status -> {
            Unit root = units.create(new UnitData(rootCode, rootName, UnitType.PROVINCE, null));
            UserAccount admin = userService.create(new NewUser(ADMIN, "Quản trị hệ thống", null, password));
            userService.grant(admin.id(), root.id(), Role.ADMINISTRATOR);
        }));
    }
}
