package vn.eiso.organisation;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UserId;
import vn.eiso.base.security.Grant;
import vn.eiso.base.security.GrantSource;

@Component
class OrganisationGrantSource implements GrantSource {

    private final JooqUserRepository users;

    OrganisationGrantSource(JooqUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Grant> activeGrantsOf(UserId user) {
        return users.activeMembershipsOfUser(user).stream()
                .map(m -> new Grant(m.unitId(), m.unitCode(), m.unitName(), m.role()))
                .toList();
    }
}
