package cn.liaocheng.strongtown.dashboard.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.security.Access;

/** Reading the audit log: administrators only. Entries are written by publishing {@link AuditEntry}. */
@Service
@PreAuthorize(Access.ADMIN)
public class AuditLog {

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** Newest first. */
    public List<AuditRecord> page(AuditFilter filter, int offset, int limit) {
        return repository.page(filter, offset, limit);
    }

    public int count(AuditFilter filter) {
        return repository.count(filter);
    }
}
