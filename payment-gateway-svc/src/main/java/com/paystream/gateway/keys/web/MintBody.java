package com.paystream.gateway.keys.web;

import com.paystream.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;

/** A key to mint, as the API description shows it; the handler reads the JSON strictly. */
@Schema(
    name = "MintKey",
    requiredProperties = {"principal", "role"})
record MintBody(
    @Schema(description = "1 to 64 letters, digits or . _ @ -") String principal,
    Role role,
    @Schema(description = "required for, and only for, MERCHANT") String merchantId) {}
