package org.jujia.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderStatus;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PageResult;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device registry: installers register devices to an elder's home (each with its own MQTT credentials, the
 * secret shown once), list them per elder or per area within their jurisdiction, reset credentials and retire
 * devices; spreadsheets register many at once, all or nothing.
 */
@Service
public class Devices {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DeviceStore store;
    private final DeviceDirectory directory;
    private final ElderRegistry elders;
    private final MqttBroker broker;
    private final Clock clock;

    Devices(DeviceStore store, DeviceDirectory directory, ElderRegistry elders, MqttBroker broker, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.elders = elders;
        this.broker = broker;
        this.clock = clock;
    }

    /** A validated registration, ready to insert. {@code gatewaySerial} may name a gateway of the same batch. */
    record Valid(String serial, DeviceType type, Long elderId, String regionPath, String room, LocalDate installedOn, String firmware,
            String gatewaySerial) {
    }

    // ---------------------------------------------------------------- writes

    /** Registers one device; the answer carries its secret, which is never shown again. */
    @Transactional
    public DeviceCredentials register(DeviceRegistration input, Jurisdiction j) {
        return registerAll(List.of(input), j).get(0);
    }

    /**
     * Registers devices all or nothing: every problem of every entry is reported (field names prefixed with
     * {@code [index].} when there is more than one), and nothing is stored unless all are valid. A gateway may be
     * registered in the same batch as the sensors it relays for (before them).
     */
    @Transactional
    public List<DeviceCredentials> registerAll(List<DeviceRegistration> inputs, Jurisdiction j) {
        requireAdmin(j);
        Map<Integer, List<FieldViolation>> problems = new LinkedHashMap<>();
        List<Valid> valid = validateAll(inputs, j, problems);
        if (!problems.isEmpty()) {
            List<FieldViolation> all = new ArrayList<>();
            problems.forEach((i, list) -> list.forEach(f -> all.add(inputs.size() == 1 ? f
                    : new FieldViolation("[" + i + "]." + f.field(), f.code(), f.message()))));
            throw new ValidationException(all);
        }
        return insertAll(valid, j);
    }

    List<Valid> validateAll(List<DeviceRegistration> inputs, Jurisdiction j, Map<Integer, List<FieldViolation>> problems) {
        Map<String, Integer> firstRowOfSerial = new HashMap<>();
        Map<String, Valid> gatewaysInBatch = new HashMap<>();
        Map<Long, Optional<ElderRef>> elderCache = new HashMap<>();
        Set<String> existing = new HashSet<>(store.existingSerials(inputs.stream().map(DeviceRegistration::serial)
                .filter(s -> s != null).map(String::trim).toList()));
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Violations v = new Violations();
            Valid ok = validate(inputs.get(i), j, elderCache, gatewaysInBatch, v);
            if (ok != null) {
                Integer first = firstRowOfSerial.putIfAbsent(ok.serial(), i);
                if (first != null) {
                    v.add("serial", "duplicate", "same serial as entry " + first);
                } else if (existing.contains(ok.serial())) {
                    v.add("serial", "duplicate", "a device with this serial is already registered");
                }
            }
            if (v.isEmpty()) {
                valid.add(ok);
                if (ok.type() == DeviceType.GATEWAY) {
                    gatewaysInBatch.put(ok.serial(), ok);
                }
            } else {
                problems.put(i, v.list());
            }
        }
        return valid;
    }

    private Valid validate(DeviceRegistration in, Jurisdiction j, Map<Long, Optional<ElderRef>> elderCache, Map<String, Valid> gatewaysInBatch,
            Violations v) {
        if (in == null) {
            v.add("", "required", "no device");
            return null;
        }
        String serial = in.serial() == null ? null : in.serial().trim();
        if (serial == null || serial.isEmpty()) {
            v.add("serial", "required", "the device's serial is required");
        } else if (!DeviceTopics.SERIAL.matcher(serial).matches()) {
            v.add("serial", "format", "3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (in.type() == null) {
            v.add("type", "required", "the device type is required");
        }
        String regionPath = null;
        if (in.elderId() == null) {
            if (in.type() != null && in.type() != DeviceType.GATEWAY) {
                v.add("elderId", "required", "the elder whose home the device is installed in is required");
            } else {
                regionPath = j.scopePath();
            }
        } else {
            Optional<ElderRef> elder = elderCache.computeIfAbsent(in.elderId(), id -> elders.find(id, j));
            if (elder.isEmpty()) {
                v.add("elderId", "not-found", "no elder " + in.elderId() + " in your area");
            } else if (elder.get().status() != ElderStatus.ACTIVE) {
                v.add("elderId", "inactive", "the elder's record is not active (" + elder.get().status() + ")");
            } else {
                regionPath = elder.get().regionPath();
            }
        }
        String room = trimToNull(in.room());
        if (room != null && room.length() > 50) {
            v.add("room", "too-long", "at most 50 characters");
        }
        if (in.installedOn() != null && in.installedOn().isAfter(LocalDate.now(clock.withZone(ZONE)))) {
            v.add("installedOn", "future", "the install date cannot be in the future");
        }
        String firmware = trimToNull(in.firmware());
        if (firmware != null && firmware.length() > 64) {
            v.add("firmware", "too-long", "at most 64 characters");
        }
        String gatewaySerial = trimToNull(in.gatewaySerial());
        if (gatewaySerial != null) {
            if (in.type() == DeviceType.GATEWAY) {
                v.add("gatewaySerial", "not-allowed", "a gateway is not relayed by another gateway");
            } else {
                Valid inBatch = gatewaysInBatch.get(gatewaySerial);
                String gwPath = null;
                if (inBatch != null) {
                    gwPath = inBatch.regionPath();
                } else {
                    Optional<DeviceStore.Row> gw = store.findBySerial(gatewaySerial, j);
                    if (gw.isEmpty() || gw.get().type() != DeviceType.GATEWAY || gw.get().status() != DeviceStatus.ACTIVE) {
                        v.add("gatewaySerial", "not-found", "no active gateway " + gatewaySerial + " in your area");
                    } else {
                        gwPath = gw.get().regionPath();
                    }
                }
                if (gwPath != null && regionPath != null && !regionPath.startsWith(gwPath) && !gwPath.startsWith(regionPath)) {
                    v.add("gatewaySerial", "elsewhere", "the gateway is installed in another area");
                }
            }
        }
        if (!v.isEmpty()) {
            return null;
        }
        return new Valid(serial, in.type(), in.elderId(), regionPath, room, in.installedOn() == null ? LocalDate.now(clock.withZone(ZONE))
                : in.installedOn(), firmware, gatewaySerial);
    }

    List<DeviceCredentials> insertAll(List<Valid> valid, Jurisdiction j) {
        Map<String, Long> ids = new HashMap<>();
        List<DeviceCredentials> out = new ArrayList<>();
        for (Valid d : valid) {
            Long gatewayId = null;
            if (d.gatewaySerial() != null) {
                gatewayId = ids.get(d.gatewaySerial());
                if (gatewayId == null) {
                    gatewayId = store.bySerial(d.gatewaySerial()).orElseThrow().id();
                }
            }
            String secret = DeviceSecrets.generate();
            long id = store.insert(d.serial(), d.type(), d.elderId(), d.regionPath(), d.room(), d.installedOn(), d.firmware(),
                    DeviceSecrets.hash(secret), gatewayId, j.username(), clock.instant());
            ids.put(d.serial(), id);
            directory.evict(d.serial(), gatewayId);
            out.add(new DeviceCredentials(view(store.find(id, Jurisdiction.system("/")).orElseThrow(), new HashMap<>(), j), secret));
        }
        return out;
    }

    /** The spreadsheet template (.xlsx, Chinese headers). */
    public byte[] importTemplate() {
        return DeviceWorkbook.template();
    }

    /**
     * Registers the devices of a spreadsheet, all or nothing: when any row is bad nothing is stored and every
     * problem is reported with row, column and reason.
     */
    @Transactional
    public DeviceImport importWorkbook(byte[] file, Jurisdiction j) {
        requireAdmin(j);
        if (file == null || file.length == 0) {
            throw ValidationException.of("file", "required", "the file is empty");
        }
        List<DeviceWorkbook.ParsedRow> rows;
        try {
            rows = DeviceWorkbook.read(file);
        } catch (DeviceWorkbook.BadTemplateException e) {
            throw ValidationException.of("file", "template", e.getMessage());
        }
        if (rows.isEmpty()) {
            throw ValidationException.of("file", "empty", "the sheet has no data rows");
        }
        Map<Integer, List<FieldViolation>> problems = new LinkedHashMap<>();
        List<Valid> valid = validateAll(rows.stream().map(DeviceWorkbook.ParsedRow::input).toList(), j, problems);
        List<DeviceImport.RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DeviceWorkbook.ParsedRow row = rows.get(i);
            Set<String> formatFields = new HashSet<>();
            for (FieldViolation f : row.formatErrors()) {
                formatFields.add(f.field());
                errors.add(new DeviceImport.RowError(row.rowNumber(), DeviceWorkbook.headerOf(f.field()), f.field(), f.code(), f.message()));
            }
            for (FieldViolation f : problems.getOrDefault(i, List.of())) {
                if (formatFields.contains(f.field()) && "required".equals(f.code())) {
                    continue;
                }
                errors.add(new DeviceImport.RowError(row.rowNumber(), DeviceWorkbook.headerOf(f.field()), f.field(), f.code(), f.message()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(DeviceImport.RowError::row));
            return new DeviceImport(rows.size(), false, errors, List.of());
        }
        return new DeviceImport(rows.size(), true, List.of(), insertAll(valid, j));
    }

    /** Issues a new secret (the old one stops working at once on this node, within 30 s on others). */
    @Transactional
    public DeviceCredentials resetSecret(long id, Jurisdiction j) {
        requireAdmin(j);
        DeviceStore.Row row = store.find(id, j).orElseThrow(() -> new NotFoundException("device", id));
        if (row.status() != DeviceStatus.ACTIVE) {
            throw ValidationException.of("status", "retired", "a retired device gets no credentials");
        }
        String secret = DeviceSecrets.generate();
        store.updateSecret(id, DeviceSecrets.hash(secret), clock.instant());
        directory.evict(row.serial(), row.gatewayId());
        return new DeviceCredentials(view(row, new HashMap<>(), j), secret);
    }

    /** Retires a device: its credentials stop working; its history stays. */
    @Transactional
    public DeviceView retire(long id, Jurisdiction j) {
        requireAdmin(j);
        DeviceStore.Row row = store.find(id, j).orElseThrow(() -> new NotFoundException("device", id));
        if (row.status() == DeviceStatus.RETIRED) {
            throw ValidationException.of("status", "retired", "the device is already retired");
        }
        store.retire(id, clock.instant());
        directory.evict(row.serial(), row.gatewayId());
        store.relayedBy(id).forEach(s -> directory.evict(s, null));
        return get(id, j);
    }

    // ---------------------------------------------------------------- reads

    public DeviceView get(long id, Jurisdiction j) {
        DeviceStore.Row row = store.find(id, j).orElseThrow(() -> new NotFoundException("device", id));
        DeviceView v = view(row, new HashMap<>(), j);
        if (j.familyOnly() && (v.elderId() == null || v.elderName() == null)) {
            throw new NotFoundException("device", id);
        }
        return v;
    }

    /** The devices installed in an elder's home (the elder must be in the caller's jurisdiction). */
    public List<DeviceView> ofElder(long elderId, Jurisdiction j) {
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        Map<Long, Optional<ElderRef>> cache = new HashMap<>();
        cache.put(elderId, Optional.of(elder));
        return store.ofElder(elderId).stream().map(r -> view(r, cache, j)).toList();
    }

    /**
     * Devices in the caller's area: {@code q} matches the start of the serial; {@code regionPath} narrows to a node
     * below the caller's (e.g. a community).
     */
    public PageResult<DeviceView> search(String q, DeviceType type, DeviceStatus status, String regionPath, int page, int size, Jurisdiction j) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 200);
        String prefix = regionPath != null && !regionPath.isBlank() && j.covers(regionPath) ? regionPath : null;
        List<Long> elderIds = null;
        if (j.familyOnly()) {
            elderIds = elders.search(ElderSearch.all().withPage(0, 50), j).content().stream().map(e -> e.id()).toList();
        }
        long total = store.count(q, type, status, prefix, elderIds, j);
        Map<Long, Optional<ElderRef>> cache = new HashMap<>();
        List<DeviceView> list = store.search(q, type, status, prefix, elderIds, p, s, j).stream().map(r -> view(r, cache, j)).toList();
        return new PageResult<>(list, p, s, total);
    }

    /** Where devices connect (the embedded broker, or the configured external one). */
    public MqttEndpoint mqttEndpoint() {
        return broker.deviceEndpoint();
    }

    private DeviceView view(DeviceStore.Row r, Map<Long, Optional<ElderRef>> cache, Jurisdiction j) {
        String elderName = null;
        if (r.elderId() != null) {
            elderName = cache.computeIfAbsent(r.elderId(), id -> elders.find(id, j)).map(ElderRef::name).orElse(null);
        }
        return new DeviceView(r.id(), r.serial(), r.type(), r.elderId(), elderName, r.regionPath(), r.room(), r.installedOn(), r.firmware(),
                r.gatewayId(), r.gatewaySerial(), r.status(), r.lastHeartbeatAt(), r.lastSeenAt(), r.batteryPct(), r.createdAt());
    }

    private static void requireAdmin(Jurisdiction j) {
        if (!j.can("DEVICE_ADMIN") && j.userId() != 0) {
            throw new AccessDeniedException("registering devices needs the DEVICE_ADMIN permission");
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
