package org.jujia.catalogue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Persistence of categories, items and price versions ({@code catalogue_*} tables). */
@Repository
class CatalogueStore {

    private static final TypeReference<List<QualityCheck>> CHECKS = new TypeReference<>() {
    };

    /** An item as stored, without its price. */
    record ItemRow(String code, String nameZh, String nameEn, String category, ServicePackage servicePackage, ServiceUnit unit,
            int standardMinutes, Entitlement entitlement, boolean respiteCare, Qualification requiredQualification,
            CaregiverLevel minCaregiverLevel, String qualityStandard, List<QualityCheck> checks, boolean active, int version) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogueStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<ServiceCategory> categories() {
        return jdbc.sql("select code, name_zh, name_en from catalogue_category order by position, code")
                .query((rs, n) -> new ServiceCategory(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    boolean categoryExists(String code) {
        return jdbc.sql("select count(*) from catalogue_category where code = ?").param(code).query(Long.class).single() > 0;
    }

    private static final String PRICED = """
            select i.*, p.id as price_id, p.unit_price_fen, p.effective_from, p.note as price_note, p.created_by as price_created_by
              from catalogue_item i
              join lateral (select * from catalogue_price p where p.item_code = i.code and p.effective_from <= ?
                             order by p.effective_from desc limit 1) p on true
            """;

    /** Items with the price in force on {@code on}; items without a price yet on that day are left out. */
    List<ServiceItem> items(LocalDate on, boolean includeInactive) {
        return jdbc.sql(PRICED + (includeInactive ? "" : " where i.active") + " order by i.position, i.code")
                .param(Date.valueOf(on)).query(this::mapPriced).list();
    }

    Optional<ServiceItem> item(String code, LocalDate on) {
        return jdbc.sql(PRICED + " where i.code = ?").params(Date.valueOf(on), code).query(this::mapPriced).optional();
    }

    Optional<ItemRow> row(String code) {
        return jdbc.sql("select * from catalogue_item where code = ?").param(code).query(this::mapRow).optional();
    }

    Optional<ItemRow> rowForUpdate(String code) {
        return jdbc.sql("select * from catalogue_item where code = ? for update").param(code).query(this::mapRow).optional();
    }

    void insert(ItemRow r) {
        jdbc.sql("""
                insert into catalogue_item (code, name_zh, name_en, category, package, unit, standard_minutes, entitlement_quantity,
                    entitlement_per, respite_care, required_qualification, min_caregiver_level, quality_standard, checks, active, position)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?, (select coalesce(max(position), 0) + 1 from catalogue_item))""")
                .params(params(r)).update();
    }

    boolean update(ItemRow r, int version) {
        List<Object> p = new ArrayList<>(params(r).subList(1, 15));
        p.add(r.code());
        p.add(version);
        return jdbc.sql("""
                update catalogue_item set name_zh = ?, name_en = ?, category = ?, package = ?, unit = ?, standard_minutes = ?,
                    entitlement_quantity = ?, entitlement_per = ?, respite_care = ?, required_qualification = ?, min_caregiver_level = ?,
                    quality_standard = ?, checks = ?::jsonb, active = ?, updated_at = now(), version = version + 1
                 where code = ? and version = ?""").params(p).update() == 1;
    }

    private List<Object> params(ItemRow r) {
        List<Object> p = new ArrayList<>();
        p.add(r.code());
        p.add(r.nameZh());
        p.add(r.nameEn());
        p.add(r.category());
        p.add(r.servicePackage().name());
        p.add(r.unit().name());
        p.add(r.standardMinutes());
        p.add(r.entitlement() == null ? null : r.entitlement().quantity());
        p.add(r.entitlement() == null ? null : r.entitlement().per().name());
        p.add(r.respiteCare());
        p.add(r.requiredQualification().name());
        p.add(r.minCaregiverLevel() == null ? null : r.minCaregiverLevel().name());
        p.add(r.qualityStandard());
        p.add(json.writeValueAsString(r.checks()));
        p.add(r.active());
        return p;
    }

    List<PriceVersion> prices(String code) {
        return jdbc.sql("select * from catalogue_price where item_code = ? order by effective_from desc").param(code)
                .query(CatalogueStore::mapPrice).list();
    }

    Optional<PriceVersion> price(long id) {
        return jdbc.sql("select * from catalogue_price where id = ?").param(id).query(CatalogueStore::mapPrice).optional();
    }

    long insertPrice(String code, long fen, LocalDate from, String note, String by) {
        return jdbc.sql("""
                insert into catalogue_price (item_code, unit_price_fen, effective_from, note, created_by) values (?,?,?,?,?) returning id""")
                .params(code, fen, Date.valueOf(from), note, by).query(Long.class).single();
    }

    boolean deletePrice(long id) {
        return jdbc.sql("delete from catalogue_price where id = ?").param(id).update() == 1;
    }

    private ServiceItem mapPriced(ResultSet rs, int n) throws SQLException {
        ItemRow r = mapRow(rs, n);
        PriceVersion pv = new PriceVersion(rs.getLong("price_id"), r.code(), rs.getLong("unit_price_fen"),
                rs.getDate("effective_from").toLocalDate(), rs.getString("price_note"), rs.getString("price_created_by"));
        return new ServiceItem(r.code(), r.nameZh(), r.nameEn(), r.category(), r.servicePackage(), r.unit(), r.standardMinutes(),
                pv.unitPriceFen(), pv, r.entitlement(), r.respiteCare(), r.requiredQualification(), r.minCaregiverLevel(),
                r.qualityStandard(), r.checks(), r.active());
    }

    private ItemRow mapRow(ResultSet rs, int n) throws SQLException {
        int q = rs.getInt("entitlement_quantity");
        Entitlement ent = rs.wasNull() ? null : new Entitlement(q, Entitlement.Per.valueOf(rs.getString("entitlement_per")));
        String level = rs.getString("min_caregiver_level");
        return new ItemRow(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("category"),
                ServicePackage.valueOf(rs.getString("package")), ServiceUnit.valueOf(rs.getString("unit")), rs.getInt("standard_minutes"),
                ent, rs.getBoolean("respite_care"), Qualification.valueOf(rs.getString("required_qualification")),
                level == null ? null : CaregiverLevel.valueOf(level), rs.getString("quality_standard"),
                json.readValue(rs.getString("checks"), CHECKS), rs.getBoolean("active"), rs.getInt("version"));
    }

    private static PriceVersion mapPrice(ResultSet rs, int n) throws SQLException {
        return new PriceVersion(rs.getLong("id"), rs.getString("item_code"), rs.getLong("unit_price_fen"),
                rs.getDate("effective_from").toLocalDate(), rs.getString("note"), rs.getString("created_by"));
    }
}
