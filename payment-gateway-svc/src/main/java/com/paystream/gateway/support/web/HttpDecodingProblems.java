package com.paystream.gateway.support.web;

import com.paystream.platform.input.InputReason;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Requests Reactor Netty's HTTP decoder could not read (a request line over {@code
 * server.netty.max-initial-line-length}, headers over {@code server.max-http-request-header-size},
 * a malformed line or header) answered as problem+json — 414 {@code uri-too-long}, 431 {@code
 * headers-too-large}, 400 {@code malformed-request} — instead of Reactor Netty's empty answer; then
 * the connection is closed, since the rest of its bytes cannot be trusted. Sits right after the
 * codec, one per connection. No part of the unreadable request is echoed.
 */
final class HttpDecodingProblems extends ChannelInboundHandlerAdapter {

  static final String NAME = "paystream.httpDecodingProblems";

  private boolean refused;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    DecoderResult result = msg instanceof HttpObject http ? http.decoderResult() : null;
    if (result == null || !result.isFailure()) {
      ctx.fireChannelRead(msg);
      return;
    }
    refused = true;
    ReferenceCountUtil.release(msg);
    ctx.writeAndFlush(answer(result.cause())).addListener(ChannelFutureListener.CLOSE);
  }

  static FullHttpResponse answer(Throwable cause) {
    HttpResponseStatus status;
    InputReason reason;
    String detail;
    if (cause instanceof TooLongHttpLineException) {
      status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
      reason = InputReason.URI_TOO_LONG;
      detail = "the request line is longer than this server reads";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
      reason = InputReason.HEADERS_TOO_LARGE;
      detail = "the request headers are larger than this server reads";
    } else {
      status = HttpResponseStatus.BAD_REQUEST;
      reason = InputReason.MALFORMED_REQUEST;
      detail = "the request is not well-formed HTTP";
    }
    byte[] body =
        ("{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"reason\":\"%s\"}"
                .formatted(
                    Problem.TYPE_BASE + reason.code(),
                    status.reasonPhrase(),
                    status.code(),
                    detail,
                    reason.code()))
            .getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return response;
  }
}
