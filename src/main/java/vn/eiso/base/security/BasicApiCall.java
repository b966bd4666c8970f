package vn.eiso.base.security;

/**
 * The details of an authentication made by HTTP Basic on the API (not by the sign-in form), so that the audit
 * trail writes no login line per API call but Basic use once a day.
 */
public record BasicApiCall(String remoteAddress) {
}
