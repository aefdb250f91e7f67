package org.jujia.settlement;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The special pool's ledger tables: entries are stored only whole and balanced ({@link LedgerEntry}). */
@Repository
class PoolLedger {

    private final JdbcClient jdbc;

    PoolLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    long post(LedgerEntry e, String by) {
        long id = jdbc.sql("insert into settlement_ledger_entry (posted_on, kind, memo, run_id, provider_id, created_by) values (?, ?, ?, ?, ?, ?) returning id")
                .params(e.postedOn(), e.kind(), e.memo(), e.runId(), e.providerId(), by).query(Long.class).single();
        for (LedgerEntry.Posting p : e.postings()) {
            jdbc.sql("insert into settlement_ledger_posting (entry_id, account_code, amount_fen) values (?, ?, ?)").params(id, p.account().name(),
                    p.amountFen()).update();
        }
        return id;
    }

    /** Balance of every account at the end of {@code on} (debit positive): all keys. */
    Map<LedgerAccount, Long> balances(LocalDate on) {
        EnumMap<LedgerAccount, Long> out = new EnumMap<>(LedgerAccount.class);
        for (LedgerAccount a : LedgerAccount.values()) {
            out.put(a, 0L);
        }
        jdbc.sql("""
                select p.account_code, sum(p.amount_fen) from settlement_ledger_posting p join settlement_ledger_entry e on e.id = p.entry_id
                 where e.posted_on <= ? group by p.account_code""").param(on)
                .query(rs -> {
                    out.put(LedgerAccount.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return out;
    }

    /** Movements per account and kind in [from, to] (for the public usage summary). */
    List<Movement> movements(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select e.kind, p.account_code, sum(p.amount_fen), count(distinct e.id) from settlement_ledger_posting p
                  join settlement_ledger_entry e on e.id = p.entry_id
                 where e.posted_on between ? and ? group by e.kind, p.account_code order by e.kind, p.account_code""").params(from, to)
                .query((rs, n) -> new Movement(rs.getString(1), LedgerAccount.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4))).list();
    }

    /** The latest entries with their postings. */
    List<Settlement.EntryView> entries(int limit) {
        List<Settlement.EntryView> out = new java.util.ArrayList<>();
        jdbc.sql("select id, posted_on, kind, memo, run_id, provider_id, created_by from settlement_ledger_entry order by posted_on desc, id desc limit ?")
                .param(limit).query(rs -> {
                    long run = rs.getLong(5);
                    Long runId = rs.wasNull() ? null : run;
                    long prov = rs.getLong(6);
                    Long providerId = rs.wasNull() ? null : prov;
                    out.add(new Settlement.EntryView(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), runId, providerId,
                            rs.getString(7), new EnumMap<>(LedgerAccount.class)));
                });
        for (Settlement.EntryView e : out) {
            jdbc.sql("select account_code, amount_fen from settlement_ledger_posting where entry_id = ?").param(e.id())
                    .query(rs -> {
                        e.postings().put(LedgerAccount.valueOf(rs.getString(1)), rs.getLong(2));
                    });
        }
        return out;
    }

    /** Entries whose postings do not sum to zero (always 0 unless the table was written around this class). */
    long unbalancedEntries() {
        return jdbc.sql("select count(*) from (select entry_id from settlement_ledger_posting group by entry_id having sum(amount_fen) <> 0) x")
                .query(Long.class).single();
    }

    long grandTotal() {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from settlement_ledger_posting").query(Long.class).single();
    }

    /** Sum of the postings of one kind to one account in [from, to]. */
    record Movement(String kind, LedgerAccount account, long fen, long entries) {
    }
}
