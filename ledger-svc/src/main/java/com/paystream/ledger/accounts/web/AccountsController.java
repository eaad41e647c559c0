package com.paystream.ledger.accounts.web;

import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.accounts.persistence.AccountQueries;
import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.ledger.accounts.persistence.BalanceAsOf;
import com.paystream.ledger.accounts.persistence.Statement;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.input.web.LedgerRefusedException;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.security.servlet.Actors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over HTTP: balances now and as of an instant, statements page by page. */
@RestController
public class AccountsController {

  static final int MAX_PAGE = 1000;

  private final AccountQueries queries;
  private final LedgerInput input;

  public AccountsController(AccountQueries queries, LedgerInput input) {
    this.queries = queries;
    this.input = input;
  }

  @GetMapping("/v1/accounts/{accountId}")
  public AccountView account(@PathVariable String accountId) {
    return find(input.uuid("accountId", accountId));
  }

  /** By code, e.g. {@code merchant:m-1:EUR} (URL-encoded). */
  @GetMapping("/v1/accounts")
  public AccountView accountByCode(@RequestParam String code) {
    String accountCode = input.identifier("code", code);
    return queries
        .accountByCode(accountCode)
        .filter(AccountsController::visible)
        .orElseThrow(() -> unknown("no account with code " + InputPolicy.echo(accountCode)));
  }

  @GetMapping("/v1/accounts/{accountId}/balance")
  public BalanceAsOf balance(@PathVariable String accountId, @RequestParam String asOf) {
    UUID id = input.uuid("accountId", accountId);
    Instant instant = input.instant("asOf", asOf);
    return queries.balanceAsOf(find(id), instant);
  }

  /**
   * The account's cashflow for business dates {@code from}..{@code to} (inclusive), {@code limit}
   * lines a page; pass the returned {@code nextCursor} as {@code cursor} for the next page.
   */
  @GetMapping("/v1/accounts/{accountId}/statement")
  public Statement statement(
      @PathVariable String accountId,
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam Optional<String> limit,
      @RequestParam Optional<String> cursor) {
    UUID id = input.uuid("accountId", accountId);
    LocalDate first = input.date("from", from);
    LocalDate last = input.date("to", to);
    if (last.isBefore(first)) {
      throw new InputRefusedException(
          InputReason.DATE_OUT_OF_RANGE, "to", "to (" + last + ") is before from (" + first + ")");
    }
    int size = input.pageSize("limit", limit, 100, MAX_PAGE);
    Long after = cursor.filter(c -> !c.isBlank()).map(this::sequence).orElse(null);
    return queries.statement(find(id), first, last, after, size);
  }

  /** A statement's cursor is the account sequence of the last line shown, as issued. */
  private long sequence(String cursor) {
    if (cursor.length() <= 19 && cursor.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        long sequence = Long.parseLong(cursor);
        if (sequence >= 1) {
          return sequence;
        }
      } catch (NumberFormatException e) {
        // beyond a long: answered below
      }
    }
    throw InputPolicy.malformedCursor("cursor");
  }

  private AccountView find(UUID accountId) {
    return queries
        .account(accountId)
        .filter(AccountsController::visible)
        .orElseThrow(() -> unknown("no account " + accountId));
  }

  /** A merchant reads only its own accounts; another's answer 404 like an unknown one. */
  private static boolean visible(AccountView account) {
    return Actors.current()
        .merchantId()
        .map(merchant -> ChartOfAccounts.belongsToMerchant(account.code(), merchant))
        .orElse(true);
  }

  private static LedgerRefusedException unknown(String detail) {
    return LedgerRefusedException.notFound("UNKNOWN_ACCOUNT", detail);
  }
}
