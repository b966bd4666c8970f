package vn.eiso.inbox;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.NOTIFICATION;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UserId;

@Repository
class JooqInboxRepository {

    /** Separates message arguments in one column; a newline never occurs in an argument (they are cleaned). */
    private static final String SEPARATOR = "\n";

    private final DSLContext dsl;

    JooqInboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(Collection<UserId> recipients, String key, List<String> params, String link, OffsetDateTime at) {
        var insert = dsl.insertInto(NOTIFICATION, NOTIFICATION.RECIPIENT_ID, NOTIFICATION.MESSAGE_KEY,
                NOTIFICATION.PARAMS, NOTIFICATION.LINK, NOTIFICATION.CREATED_AT);
        String joined = String.join(SEPARATOR, params);
        for (UserId recipient : recipients) {
            insert = insert.values(recipient.value(), key, joined, link, at);
        }
        insert.execute();
    }

    record Address(String email, String locale) {
    }

    /** The e-mail address and language of each recipient who has an address and an enabled account. */
    List<Address> addresses(Collection<UserId> recipients) {
        return dsl.select(APP_USER.EMAIL, APP_USER.LOCALE).from(APP_USER)
                .where(APP_USER.ID.in(recipients.stream().map(UserId::value).toList())
                        .and(APP_USER.EMAIL.isNotNull()).and(APP_USER.ENABLED.isTrue()))
                .fetch(r -> new Address(r.value1(), r.value2()));
    }

    List<Notice> of(UserId recipient, boolean unreadOnly, int limit) {
        var condition = NOTIFICATION.RECIPIENT_ID.eq(recipient.value());
        if (unreadOnly) {
            condition = condition.and(NOTIFICATION.READ_AT.isNull());
        }
        return dsl.selectFrom(NOTIFICATION).where(condition)
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc()).limit(limit)
                .fetch(r -> new Notice(r.getId(), r.getMessageKey(),
                        r.getParams() == null || r.getParams().isEmpty() ? List.of()
                                : Arrays.asList(r.getParams().split(SEPARATOR, -1)),
                        r.getLink(), r.getCreatedAt(), r.getReadAt() != null));
    }

    int unread(UserId recipient) {
        return dsl.fetchCount(NOTIFICATION,
                NOTIFICATION.RECIPIENT_ID.eq(recipient.value()).and(NOTIFICATION.READ_AT.isNull()));
    }

    void markAllRead(UserId recipient, OffsetDateTime at) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, at)
                .where(NOTIFICATION.RECIPIENT_ID.eq(recipient.value()).and(NOTIFICATION.READ_AT.isNull())).execute();
    }

    void markRead(UserId recipient, long id, OffsetDateTime at) {
        dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, at)
                .where(NOTIFICATION.ID.eq(id).and(NOTIFICATION.RECIPIENT_ID.eq(recipient.value()))
                        .and(NOTIFICATION.READ_AT.isNull()))
                .execute();
    }

    int markReadExcept(UserId recipient, Collection<String> links, OffsetDateTime at) {
        // "not in" alone would keep the notices without a link (SQL's null): those are settled too.
        var keep = links.isEmpty() ? DSL.falseCondition() : NOTIFICATION.LINK.isNotNull().and(NOTIFICATION.LINK.in(links));
        return dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, at)
                .where(NOTIFICATION.RECIPIENT_ID.eq(recipient.value()).and(NOTIFICATION.READ_AT.isNull())
                        .andNot(keep))
                .execute();
    }
}
