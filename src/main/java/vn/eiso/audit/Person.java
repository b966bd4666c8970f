package vn.eiso.audit;

import vn.eiso.base.UserId;

/** A user as audits show them: who leads, who is on the team, who owns an action. */
public record Person(UserId id, String name, String unitName) {
}
