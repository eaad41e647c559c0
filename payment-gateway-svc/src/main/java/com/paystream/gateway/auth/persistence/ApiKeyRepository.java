package com.paystream.gateway.auth.persistence;

import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Stored API keys: hashes, roles and principals; never the tokens. */
@Repository
public class ApiKeyRepository {

  /** One stored key. */
  public record StoredKey(
      String keyId,
      byte[] secretSha256,
      String role,
      Optional<String> merchantId,
      Optional<String> operatorName,
      Optional<Instant> revokedAt) {}

  private final DatabaseClient db;

  public ApiKeyRepository(DatabaseClient db) {
    this.db = db;
  }

  public Mono<StoredKey> find(String keyId) {
    return db.sql(
            "select key_id, secret_sha256, role, merchant_id, operator_name, revoked_at"
                + " from api_key where key_id = :keyId")
        .bind("keyId", keyId)
        .map(
            row -> {
              java.nio.ByteBuffer hash = row.get("secret_sha256", java.nio.ByteBuffer.class);
              byte[] bytes = new byte[hash.remaining()];
              hash.get(bytes);
              return new StoredKey(
                  row.get("key_id", String.class),
                  bytes,
                  row.get("role", String.class),
                  Optional.ofNullable(row.get("merchant_id", String.class)),
                  Optional.ofNullable(row.get("operator_name", String.class)),
                  Optional.ofNullable(row.get("revoked_at", Instant.class)));
            })
        .one();
  }

  /** Stores a key unless one with its id exists; emits whether it was stored. */
  public Mono<Boolean> insertIfAbsent(
      String keyId,
      byte[] secretSha256,
      String role,
      Optional<String> merchantId,
      Optional<String> operatorName,
      Instant createdAt) {
    var spec =
        db.sql(
                """
                insert into api_key (key_id, secret_sha256, role, merchant_id, operator_name,
                                     created_at)
                values (:keyId, :hash, :role, :merchantId, :operatorName, :createdAt)
                on conflict (key_id) do nothing
                """)
            .bind("keyId", keyId)
            .bind("hash", java.nio.ByteBuffer.wrap(secretSha256))
            .bind("role", role)
            .bind("createdAt", createdAt);
    spec =
        merchantId.isPresent()
            ? spec.bind("merchantId", merchantId.get())
            : spec.bindNull("merchantId", String.class);
    spec =
        operatorName.isPresent()
            ? spec.bind("operatorName", operatorName.get())
            : spec.bindNull("operatorName", String.class);
    return spec.fetch().rowsUpdated().map(rows -> rows == 1);
  }
}
