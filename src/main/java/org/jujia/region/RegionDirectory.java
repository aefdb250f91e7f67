package org.jujia.region;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region module's facade: reads and edits of the region tree and its organisations. Every method that
 * serves a caller takes their {@link Jurisdiction} and never reaches outside it.
 */
@Service
public class RegionDirectory {

    private static final String NODE_COLUMNS = "id, code, name, name_en, level, parent_id, path, latitude, longitude, version";
    private static final String ORG_COLUMNS = "id, code, name, type, node_id, phone, address, active, version";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RegionDirectory(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Any node, unscoped: for the platform itself (e.g. resolving a user's home node at login). */
    public Optional<Region> find(long id) {
        return jdbc.sql("select " + NODE_COLUMNS + " from region_node where id = ?").param(id).query(Region.class).optional();
    }

    public Optional<Region> findByCode(String code) {
        return jdbc.sql("select " + NODE_COLUMNS + " from region_node where code = ?").param(code).query(Region.class).optional();
    }

    public Region get(long id, Jurisdiction j) {
        return find(id).filter(r -> j.covers(r.path())).orElseThrow(() -> new NotFoundException("region", id));
    }

    public Optional<Region> findByCode(String code, Jurisdiction j) {
        return findByCode(code).filter(r -> j.covers(r.path()));
    }

    public List<Region> children(long parentId, Jurisdiction j) {
        return jdbc.sql("select " + NODE_COLUMNS + " from region_node where parent_id = ? and path like ? order by code")
                .param(parentId).param(j.likePattern()).query(Region.class).list();
    }

    /** The caller's node and everything below it, in tree order. */
    public List<Region> tree(Jurisdiction j) {
        return jdbc.sql("select " + NODE_COLUMNS + " from region_node where path like ? order by path")
                .param(j.likePattern()).query(Region.class).list();
    }

    /** Nodes of one level within the caller's jurisdiction. */
    public List<Region> ofLevel(RegionLevel level, Jurisdiction j) {
        return jdbc.sql("select " + NODE_COLUMNS + " from region_node where level = ? and path like ? order by code")
                .param(level.name()).param(j.likePattern()).query(Region.class).list();
    }

    /** The chain of nodes from the root down to the given node (for breadcrumbs and addresses). */
    public List<Region> lineage(long id) {
        Region node = find(id).orElseThrow(() -> new NotFoundException("region", id));
        List<Long> ids = java.util.Arrays.stream(node.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        return jdbc.sql("select " + NODE_COLUMNS + " from region_node where id in (:ids) order by length(path)")
                .param("ids", ids).query(Region.class).list();
    }

    @Transactional
    public Region create(NewRegion input, Jurisdiction j) {
        var v = new Violations();
        v.require(input.code() != null && input.code().matches("[0-9A-Za-z-]{2,32}"), "code", "format", "code must be 2-32 letters, digits or '-'");
        v.require(input.name() != null && !input.name().isBlank() && input.name().length() <= 100, "name", "required", "name is required (≤ 100 characters)");
        v.require(input.level() != null, "level", "required", "level is required");
        v.throwIfAny();
        Region parent = null;
        if (input.parentId() == null) {
            if (input.level() != RegionLevel.CITY || !"/".equals(j.scopePath())) {
                throw org.jujia.shared.ValidationException.of("parentId", "required", "only a city may have no parent");
            }
        } else {
            parent = get(input.parentId(), j);
            if (parent.level().childLevel() != input.level()) {
                throw org.jujia.shared.ValidationException.of("level", "level",
                        "a " + parent.level() + " node can only have " + parent.level().childLevel() + " children");
            }
        }
        if (findByCode(input.code()).isPresent()) {
            throw new ConflictException("code", "region code " + input.code() + " already exists");
        }
        long id = jdbc.sql("select nextval('region_node_id_seq')").query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("insert into region_node (id, code, name, name_en, level, parent_id, path, latitude, longitude) values (?,?,?,?,?,?,?,?,?)")
                .params(id, input.code().trim(), input.name().trim(), input.nameEn(), input.level().name(), input.parentId(), path,
                        input.latitude(), input.longitude())
                .update();
        return find(id).orElseThrow();
    }

    @Transactional
    public Region update(long id, RegionChange change, Jurisdiction j) {
        Region current = get(id, j);
        if (change.name() == null || change.name().isBlank()) {
            throw org.jujia.shared.ValidationException.of("name", "required", "name is required");
        }
        int n = jdbc.sql("update region_node set name = ?, name_en = ?, latitude = ?, longitude = ?, version = version + 1 where id = ? and version = ?")
                .params(change.name().trim(), change.nameEn(), change.latitude(), change.longitude(), id, change.version() == null ? current.version() : change.version())
                .update();
        if (n == 0) {
            throw new ConflictException("version", "region " + id + " was changed meanwhile");
        }
        return find(id).orElseThrow();
    }

    public List<Organisation> organisations(Jurisdiction j) {
        return jdbc.sql("select o." + ORG_COLUMNS.replace(", ", ", o.") + " from region_organisation o join region_node n on n.id = o.node_id where n.path like ? order by o.type, o.code")
                .param(j.likePattern()).query(Organisation.class).list();
    }

    public List<Organisation> organisationsOfType(OrganisationType type, Jurisdiction j) {
        return organisations(j).stream().filter(o -> o.type() == type).toList();
    }

    public Optional<Organisation> findOrganisation(long id) {
        return jdbc.sql("select " + ORG_COLUMNS + " from region_organisation where id = ?").param(id).query(Organisation.class).optional();
    }

    public Organisation getOrganisation(long id, Jurisdiction j) {
        return findOrganisation(id).filter(o -> find(o.nodeId()).map(n -> j.covers(n.path())).orElse(false))
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    @Transactional
    public Organisation saveOrganisation(Long id, OrganisationInput input, Jurisdiction j) {
        var v = new Violations();
        v.require(input.code() != null && input.code().matches("[0-9A-Za-z-]{2,32}"), "code", "format", "code must be 2-32 letters, digits or '-'");
        v.require(input.name() != null && !input.name().isBlank(), "name", "required", "name is required");
        v.require(input.type() != null, "type", "required", "type is required");
        v.require(input.nodeId() != null, "nodeId", "required", "node is required");
        v.throwIfAny();
        get(input.nodeId(), j);
        if (id == null) {
            if (jdbc.sql("select count(*) from region_organisation where code = ?").param(input.code()).query(Long.class).single() > 0) {
                throw new ConflictException("code", "organisation code " + input.code() + " already exists");
            }
            long newId = jdbc.sql("insert into region_organisation (code, name, type, node_id, phone, address, active) values (?,?,?,?,?,?,?) returning id")
                    .params(input.code().trim(), input.name().trim(), input.type().name(), input.nodeId(), input.phone(), input.address(), input.active())
                    .query(Long.class).single();
            return findOrganisation(newId).orElseThrow();
        }
        getOrganisation(id, j);
        jdbc.sql("update region_organisation set name = ?, type = ?, node_id = ?, phone = ?, address = ?, active = ?, version = version + 1 where id = ?")
                .params(input.name().trim(), input.type().name(), input.nodeId(), input.phone(), input.address(), input.active(), id)
                .update();
        return findOrganisation(id).orElseThrow();
    }

    /** Whether the provider's operating qualification is revoked (PLATFORM.md §7): no new orders, no assignments. */
    public boolean qualificationRevoked(long organisationId) {
        return jdbc.sql("select qualification_revoked_at is not null from region_organisation where id = ?").param(organisationId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** When and why the provider's qualification was revoked, if it is. */
    public Optional<Revocation> revocation(long organisationId) {
        return jdbc.sql("select qualification_revoked_at, qualification_revoked_reason from region_organisation where id = ? and qualification_revoked_at is not null")
                .param(organisationId).query((rs, n) -> new Revocation(rs.getTimestamp(1).toInstant(), rs.getString(2))).optional();
    }

    /**
     * Revokes a service provider's operating qualification on the platform's behalf (settlement's budget rule: two
     * consecutive years below 80). Idempotent: revoking a revoked provider changes nothing and publishes nothing.
     */
    @Transactional
    public boolean revokeQualification(long providerId, String reason, String actor, Instant at) {
        Organisation o = findOrganisation(providerId).filter(x -> x.type() == OrganisationType.SERVICE_PROVIDER)
                .orElseThrow(() -> new NotFoundException("provider", providerId));
        int n = jdbc.sql("update region_organisation set qualification_revoked_at = ?, qualification_revoked_reason = ?, version = version + 1 where id = ? and qualification_revoked_at is null")
                .params(java.sql.Timestamp.from(at), reason, providerId).update();
        if (n == 0) {
            return false;
        }
        events.publishEvent(new ProviderQualificationRevoked(providerId, o.name(), reason, actor, at));
        return true;
    }

    /** Restores a revoked qualification: a correction by civil affairs, which must give a reason. */
    @Transactional
    public boolean restoreQualification(long providerId, String reason, Jurisdiction j) {
        var v = new Violations();
        v.require(reason != null && !reason.isBlank(), "reason", "required", "a reason is required to restore a qualification");
        v.throwIfAny();
        Organisation o = getOrganisation(providerId, j);
        int n = jdbc.sql("update region_organisation set qualification_revoked_at = null, qualification_revoked_reason = null, version = version + 1 where id = ? and qualification_revoked_at is not null")
                .param(providerId).update();
        if (n == 0) {
            return false;
        }
        events.publishEvent(new ProviderQualificationRestored(providerId, o.name(), reason.trim(), j.username(), Instant.now()));
        return true;
    }

    /** When and why a qualification was revoked. */
    public record Revocation(Instant at, String reason) {
    }

    /** Input for a new node. */
    public record NewRegion(String code, String name, String nameEn, RegionLevel level, Long parentId, Double latitude, Double longitude) {
    }

    /** Editable attributes of a node (code, level and place in the tree are fixed once created). */
    public record RegionChange(String name, String nameEn, Double latitude, Double longitude, Integer version) {
    }

    /** Input for an organisation. */
    public record OrganisationInput(String code, String name, OrganisationType type, Long nodeId, String phone, String address, boolean active) {
    }
}
