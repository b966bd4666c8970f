package vn.eiso.organisation;

/** A user account to create, with its first password in clear text (hashed before it is stored). */
public record NewUser(String username, String fullName, String email, String password) {
}
