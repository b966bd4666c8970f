package vn.eiso.announcement;

/**
 * The province's decision template: place name for the date line, the decision's subject, the body with
 * placeholders {unit}, {scope}, {number}, {date}, {signer}, and the recipients, one per line.
 */
public record DecisionTemplate(String place, String title, String body, String recipients, int version) {
}
