package com.paystream.ledger.accounts.web;

import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.accounts.persistence.AccountQueries;
import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.ledger.accounts.persistence.BalanceAsOf;
import com.paystream.ledger.accounts.persistence.Statement;
import com.paystream.security.servlet.Actors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Accounts over HTTP: balances now and as of an instant, statements page by page. */
@RestController
public class AccountsController {

  static final int MAX_PAGE = 1000;

  private final AccountQueries queries;

  public AccountsController(AccountQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/v1/accounts/{accountId}")
  public AccountView account(@PathVariable UUID accountId) {
    return find(accountId);
  }

  /** By code, e.g. {@code merchant:m-1:EUR} (URL-encoded). */
  @GetMapping("/v1/accounts")
  public AccountView accountByCode(@RequestParam String code) {
    return queries
        .accountByCode(code)
        .filter(AccountsController::visible)
        .orElseThrow(() -> notFound("no account with code " + code));
  }

  @GetMapping("/v1/accounts/{accountId}/balance")
  public BalanceAsOf balance(
      @PathVariable UUID accountId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
    return queries.balanceAsOf(find(accountId), asOf);
  }

  /**
   * The account's cashflow for business dates {@code from}..{@code to} (inclusive), {@code limit}
   * lines a page; pass the returned {@code nextCursor} as {@code cursor} for the next page.
   */
  @GetMapping("/v1/accounts/{accountId}/statement")
  public Statement statement(
      @PathVariable UUID accountId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) String cursor) {
    if (to.isBefore(from)) {
      throw badRequest("'to' (" + to + ") is before 'from' (" + from + ")");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw badRequest("limit must be within 1.." + MAX_PAGE);
    }
    return queries.statement(find(accountId), from, to, parseCursor(cursor), limit);
  }

  private static Long parseCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      long sequence = Long.parseLong(cursor);
      if (sequence < 1) {
        throw new NumberFormatException();
      }
      return sequence;
    } catch (NumberFormatException e) {
      throw badRequest("not a cursor this API returned: " + cursor);
    }
  }

  private AccountView find(UUID accountId) {
    return queries
        .account(accountId)
        .filter(AccountsController::visible)
        .orElseThrow(() -> notFound("no account " + accountId));
  }

  /** A merchant reads only its own accounts; another's answer 404 like an unknown one. */
  private static boolean visible(AccountView account) {
    return Actors.current()
        .merchantId()
        .map(merchant -> ChartOfAccounts.belongsToMerchant(account.code(), merchant))
        .orElse(true);
  }

  private static ResponseStatusException notFound(String reason) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
  }

  private static ResponseStatusException badRequest(String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }
}
