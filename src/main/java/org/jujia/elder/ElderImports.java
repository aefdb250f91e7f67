package org.jujia.elder;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.jujia.access.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreadsheet imports of elders as persistent jobs: the uploaded file is stored with the job, every row is
 * validated and every bad row reported, and then either all rows are committed in one transaction or none
 * (unless the caller asked to commit the valid rows and get the rejects back). A job interrupted by a crash is
 * resumed at start-up; since the commit is one transaction, nothing is ever half-imported.
 */
@Service
public class ElderImports {

    private static final Logger log = LoggerFactory.getLogger(ElderImports.class);
    private static final int PROGRESS_EVERY = 250;
    private static final String JOB_COLUMNS = """
            id, file_name, mode, status, total_rows, processed_rows, imported_rows, errors, rejects is not null as has_rejects,
            message, created_by, created_at, finished_at""";

    private final JdbcClient jdbc;
    private final ElderRegistry registry;
    private final ElderStore store;
    private final RegionDirectory regions;
    private final UserAccounts users;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ElderImports(JdbcClient jdbc, ElderRegistry registry, ElderStore store, RegionDirectory regions, UserAccounts users,
            TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.store = store;
        this.regions = regions;
        this.users = users;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the upload as a job and starts it in the background; poll {@link #get}. */
    public ImportJob submit(String fileName, byte[] file, ImportMode mode, Jurisdiction j) {
        if (!j.can("ELDER_IMPORT")) {
            throw new org.springframework.security.access.AccessDeniedException("importing needs the ELDER_IMPORT permission");
        }
        if (file == null || file.length == 0) {
            throw ValidationException.of("file", "required", "the file is empty");
        }
        try {
            ElderWorkbook.requireWorkbook(file);
        } catch (ElderWorkbook.BadTemplateException e) {
            throw ValidationException.of("file", "template", e.getMessage());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into elder_import_job (id, created_by, created_at, scope_path, file_name, mode, status, file)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(id, j.username(), Timestamp.from(clock.instant()), j.scopePath(),
                        fileName == null ? "upload.xlsx" : fileName, (mode == null ? ImportMode.ALL_OR_NOTHING : mode).name(), file)
                .update();
        executor.submit(() -> run(id));
        return get(id, j);
    }

    public ImportJob get(UUID id, Jurisdiction j) {
        return jdbc.sql("select " + JOB_COLUMNS + " from elder_import_job where id = ? and created_by = ?").params(id, j.username())
                .query((rs, n) -> map(rs)).optional().orElseThrow(() -> new NotFoundException("import", id));
    }

    public List<ImportJob> recent(Jurisdiction j) {
        return jdbc.sql("select " + JOB_COLUMNS + " from elder_import_job where created_by = ? order by created_at desc limit 20").param(j.username())
                .query((rs, n) -> map(rs)).list();
    }

    public Optional<byte[]> rejects(UUID id, Jurisdiction j) {
        get(id, j);
        return jdbc.sql("select rejects from elder_import_job where id = ?").param(id).query(byte[].class).optional();
    }

    /** Resumes jobs that a crash or restart interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        List<UUID> ids = jdbc.sql("select id from elder_import_job where status in ('PENDING', 'RUNNING') order by created_at")
                .query(UUID.class).list();
        if (!ids.isEmpty()) {
            log.info("Resuming {} interrupted elder import job(s)", ids.size());
        }
        ids.forEach(id -> executor.submit(() -> run(id)));
    }

    /** Processes one job to its end; safe to call again for a job that was interrupted. */
    void run(UUID id) {
        try {
            process(id);
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            jdbc.sql("update elder_import_job set status = 'FAILED', message = ?, finished_at = ? where id = ?")
                    .params(String.valueOf(e.getMessage()), Timestamp.from(clock.instant()), id).update();
        }
    }

    private void process(UUID id) {
        var job = jdbc.sql("select created_by, scope_path, mode, file, status from elder_import_job where id = ?").param(id)
                .query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getString(5) })
                .optional().orElseThrow();
        String status = (String) job[4];
        if (!status.equals("PENDING") && !status.equals("RUNNING")) {
            return;
        }
        String username = (String) job[0];
        ImportMode mode = ImportMode.valueOf((String) job[2]);
        Jurisdiction j = users.jurisdictionOf(username).filter(x -> x.can("ELDER_IMPORT"))
                .orElseThrow(() -> new IllegalStateException("user " + username + " may no longer import"));
        List<ElderWorkbook.ParsedRow> rows;
        try {
            rows = ElderWorkbook.read((byte[]) job[3]);
        } catch (ElderWorkbook.BadTemplateException e) {
            String errors = json.writeValueAsString(List.of(new ImportJob.RowError(1, "", "file", "template", e.getMessage())));
            jdbc.sql("update elder_import_job set status = 'REJECTED', errors = ?, message = ?, finished_at = ? where id = ?")
                    .params(errors, e.getMessage(), Timestamp.from(clock.instant()), id).update();
            return;
        }
        jdbc.sql("update elder_import_job set status = 'RUNNING', total_rows = ?, processed_rows = 0 where id = ?").params(rows.size(), id).update();

        Map<String, Optional<Region>> regionCache = new HashMap<>();
        ElderValidator.RegionLookup cached = (code, jur) -> regionCache.computeIfAbsent(code, c -> regions.findByCode(c, jur));
        List<ImportJob.RowError> errors = new ArrayList<>();
        Map<Integer, String> reasons = new LinkedHashMap<>();
        List<ElderValidator.Valid> valid = new ArrayList<>();
        List<Integer> validRowNumbers = new ArrayList<>();
        Map<String, Integer> firstRowOfId = new HashMap<>();
        List<String> idxs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ElderWorkbook.ParsedRow row = rows.get(i);
            Violations v = new Violations();
            row.formatErrors().forEach(f -> v.add(f.field(), f.code(), f.message()));
            ElderValidator.Valid ok = registry.validate(row.input(), j, cached, v);
            if (ok != null && v.isEmpty()) {
                String idx = registry.idNumberIndex(ok);
                Integer first = firstRowOfId.putIfAbsent(idx, row.rowNumber());
                if (first != null) {
                    v.add("idNumber", "duplicate", "same ID number as row " + first);
                } else {
                    valid.add(ok);
                    validRowNumbers.add(row.rowNumber());
                    idxs.add(idx);
                }
            }
            for (FieldViolation f : v.list()) {
                errors.add(new ImportJob.RowError(row.rowNumber(), ElderWorkbook.headerOf(f.field()), f.field(), f.code(), f.message()));
                reasons.merge(row.rowNumber(), ElderWorkbook.headerOf(f.field()) + "：" + f.message(), (a, b) -> a + "；" + b);
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                jdbc.sql("update elder_import_job set processed_rows = ? where id = ?").params(i + 1, id).update();
            }
        }
        // ID numbers already in the registry
        List<String> taken = store.takenIdNumbers(idxs);
        if (!taken.isEmpty()) {
            var takenSet = new java.util.HashSet<>(taken);
            for (int k = idxs.size() - 1; k >= 0; k--) {
                if (takenSet.contains(idxs.get(k))) {
                    int rowNumber = validRowNumbers.get(k);
                    errors.add(new ImportJob.RowError(rowNumber, "身份证号", "idNumber", "duplicate", "an elder with this ID number is already registered"));
                    reasons.merge(rowNumber, "身份证号：该身份证号已登记", (a, b) -> a + "；" + b);
                    idxs.remove(k);
                    valid.remove(k);
                    validRowNumbers.remove(k);
                }
            }
        }
        errors.sort(java.util.Comparator.comparingInt(ImportJob.RowError::row));
        boolean reject = !errors.isEmpty() && mode == ImportMode.ALL_OR_NOTHING;
        int imported = reject ? 0 : valid.size();
        byte[] rejectsFile = !errors.isEmpty() && mode == ImportMode.COMMIT_VALID ? ElderWorkbook.rejects(rows, reasons) : null;
        String finalStatus = reject ? "REJECTED" : "SUCCEEDED";
        String message = reject ? errors.size() + " problem(s) in " + reasons.size() + " row(s); nothing was imported"
                : imported + " elder(s) imported" + (errors.isEmpty() ? "" : ", " + reasons.size() + " row(s) rejected");
        String errorsJson = json.writeValueAsString(errors);
        tx.executeWithoutResult(s -> {
            if (!reject && !valid.isEmpty()) {
                registry.insertValidated(valid, j, "import " + id);
            }
            jdbc.sql("""
                    update elder_import_job set status = ?, processed_rows = total_rows, imported_rows = ?, errors = ?, rejects = ?,
                           message = ?, finished_at = ? where id = ?""")
                    .params(finalStatus, imported, errorsJson, rejectsFile, message, Timestamp.from(clock.instant()), id).update();
        });
    }

    private ImportJob map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String errors = rs.getString("errors");
        List<ImportJob.RowError> list = errors == null ? List.of() : json.readValue(errors, new TypeReference<List<ImportJob.RowError>>() {
        });
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getObject("id", UUID.class), rs.getString("file_name"), ImportMode.valueOf(rs.getString("mode")),
                ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                rs.getInt("imported_rows"), list, rs.getBoolean("has_rejects"), rs.getString("message"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
