package vn.eiso.base;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** One metric for every e-mail the mail server refused, by what was being sent; the README lists it. */
public final class MailFailures {

    private MailFailures() {
    }

    public static Counter counter(MeterRegistry registry, String kind) {
        return Counter.builder("eiso.mail.failures").description("E-mails the mail server did not accept")
                .tag("kind", kind).register(registry);
    }
}
