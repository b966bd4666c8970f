package vn.eiso.announcement;

import java.time.LocalDate;

/** What the head fills in to issue the decision: its number, date and signer. */
public record Decision(String number, LocalDate decidedOn, String signerName, String signerTitle) {
}
