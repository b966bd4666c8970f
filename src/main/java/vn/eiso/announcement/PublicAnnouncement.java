package vn.eiso.announcement;

import java.time.LocalDate;

/** One line of the public register: exactly what a citizen may see, nothing internal. */
public record PublicAnnouncement(long id, String unitName, String number, LocalDate decidedOn, String scopeText,
        AnnouncementStatus status) {
}
