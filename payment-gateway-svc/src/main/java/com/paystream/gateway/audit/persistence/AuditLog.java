package com.paystream.gateway.audit.persistence;

import com.paystream.gateway.audit.AuditEntry;
import com.paystream.gateway.audit.AuditTrail;
import io.r2dbc.postgresql.codec.Json;
import java.util.Map;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Appends audit records; must run in the transaction of the change, so both or neither exist. */
@Repository
public class AuditLog implements AuditTrail {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DatabaseClient db;

  public AuditLog(DatabaseClient db) {
    this.db = db;
  }

  public Mono<Void> append(AuditEntry entry) {
    GenericExecuteSpec spec =
        db.sql(
                """
                insert into audit_record (occurred_at, actor, action, subject_type, subject_id,
                                          before_state, after_state, reason, trace_id)
                values (:occurredAt, :actor, :action, :subjectType, :subjectId, :before, :after,
                        :reason, :traceId)
                """)
            .bind("occurredAt", entry.occurredAt())
            .bind("actor", entry.actor())
            .bind("action", entry.action())
            .bind("subjectType", entry.subjectType())
            .bind("subjectId", entry.subjectId())
            .bind("reason", entry.reason())
            .bind("traceId", entry.traceId());
    spec = json(spec, "before", entry.before());
    spec = json(spec, "after", entry.after());
    return spec.fetch().rowsUpdated().then();
  }

  private static GenericExecuteSpec json(
      GenericExecuteSpec spec, String name, Optional<Map<String, Object>> state) {
    return state.isPresent()
        ? spec.bind(name, Json.of(JSON.writeValueAsString(state.get())))
        : spec.bindNull(name, Json.class);
  }
}
