package org.jujia.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jujia.shared.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of users and their roles; every listing is limited to a jurisdiction. */
@Repository
class UserStore {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.password_hash, u.home_node_id, n.path as home_path,
                   u.organisation_id, u.enabled, u.locked_until, u.created_at,
                   coalesce(array(select r.role from access_user_role r where r.user_id = u.id order by r.role), '{}') as roles
              from access_user u join region_node n on n.id = u.home_node_id
            """;

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<JujiaUser> principal(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(UserStore::mapPrincipal).optional();
    }

    Optional<JujiaUser> principal(long id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserStore::mapPrincipal).optional();
    }

    Optional<UserAccount> find(long id, Jurisdiction j) {
        return jdbc.sql(SELECT + " where u.id = ? and n.path like ?").param(id).param(j.likePattern()).query(UserStore::mapAccount).optional();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(UserStore::mapAccount).optional();
    }

    List<UserAccount> list(Jurisdiction j, String q, int limit, int offset) {
        String like = q == null || q.isBlank() ? "%" : "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + " where n.path like ? and (u.username like ? or u.display_name like ?) order by u.username limit ? offset ?")
                .params(j.likePattern(), like, like, limit, offset).query(UserStore::mapAccount).list();
    }

    /** Enabled users holding the role whose home node covers the place (nearest node first, then by username). */
    List<UserAccount> withRoleCovering(Role role, String placePath) {
        return jdbc.sql(SELECT + """
                 where u.enabled and ? like n.path || '%' and exists (select 1 from access_user_role r where r.user_id = u.id and r.role = ?)
                 order by length(n.path) desc, u.username""").params(placePath, role.name()).query(UserStore::mapAccount).list();
    }

    long count(Jurisdiction j, String q) {
        String like = q == null || q.isBlank() ? "%" : "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select count(*) from access_user u join region_node n on n.id = u.home_node_id where n.path like ? and (u.username like ? or u.display_name like ?)")
                .params(j.likePattern(), like, like).query(Long.class).single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from access_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    long insert(String username, String displayName, String passwordHash, long homeNodeId, Long organisationId, Set<Role> roles) {
        long id = jdbc.sql("""
                insert into access_user (username, display_name, password_hash, home_node_id, organisation_id)
                values (?, ?, ?, ?, ?) returning id""")
                .params(username, displayName, passwordHash, homeNodeId, organisationId).query(Long.class).single();
        replaceRoles(id, roles);
        return id;
    }

    void update(long id, String displayName, long homeNodeId, Long organisationId, boolean enabled, Set<Role> roles) {
        jdbc.sql("update access_user set display_name = ?, home_node_id = ?, organisation_id = ?, enabled = ?, version = version + 1 where id = ?")
                .params(displayName, homeNodeId, organisationId, enabled, id).update();
        replaceRoles(id, roles);
    }

    void setPassword(long id, String hash) {
        jdbc.sql("update access_user set password_hash = ?, password_changed_at = now(), failed_attempts = 0, locked_until = null where id = ?")
                .params(hash, id).update();
    }

    String passwordHash(long id) {
        return jdbc.sql("select password_hash from access_user where id = ?").param(id).query(String.class).single();
    }

    /** Records one failed login; returns the number of consecutive failures so far. */
    int recordFailure(String username) {
        return jdbc.sql("update access_user set failed_attempts = failed_attempts + 1 where username = ? returning failed_attempts")
                .param(username).query(Integer.class).optional().orElse(0);
    }

    void lock(String username, Instant until) {
        jdbc.sql("update access_user set locked_until = ?, failed_attempts = 0 where username = ?")
                .params(Timestamp.from(until), username).update();
    }

    void recordSuccess(String username) {
        jdbc.sql("update access_user set failed_attempts = 0, locked_until = null where username = ? and (failed_attempts > 0 or locked_until is not null)")
                .param(username).update();
    }

    List<Certificate> certificates(long userId) {
        return jdbc.sql("select id, user_id, type, number, issuer, valid_from, valid_to from access_certificate where user_id = ? order by valid_to desc")
                .param(userId)
                .query((rs, n) -> new Certificate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate()))
                .list();
    }

    Certificate addCertificate(long userId, String type, String number, String issuer, java.time.LocalDate from, java.time.LocalDate to) {
        long id = jdbc.sql("insert into access_certificate (user_id, type, number, issuer, valid_from, valid_to) values (?,?,?,?,?,?) returning id")
                .params(userId, type, number, issuer, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)).query(Long.class).single();
        return certificates(userId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from access_user_role where user_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into access_user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    private static JujiaUser mapPrincipal(ResultSet rs, int row) throws SQLException {
        return new JujiaUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                roles(rs.getArray("roles")), rs.getLong("home_node_id"), rs.getString("home_path"), rs.getBoolean("enabled"),
                instant(rs.getTimestamp("locked_until")));
    }

    private static UserAccount mapAccount(ResultSet rs, int row) throws SQLException {
        long org = rs.getLong("organisation_id");
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles(rs.getArray("roles")),
                rs.getLong("home_node_id"), rs.getString("home_path"), rs.wasNull() ? null : org, rs.getBoolean("enabled"),
                instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("created_at")));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (array != null) {
            Arrays.stream((Object[]) array.getArray()).map(Object::toString).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
