// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

/// @dev The OIN is not 20 ASCII digits.
error InvalidOin(bytes20 oin);

/// @dev The issuer name is empty.
error EmptyIssuerName();

/// @dev An issuer with this OIN is already accredited.
error IssuerAlreadyAccredited(bytes20 oin);

/// @dev No issuer with this OIN is accredited.
error UnknownIssuer(bytes20 oin);

/// @dev The account is already the account of an issuer.
error AccountAlreadyAssigned(address account, bytes20 issuerOin);

/// @dev The account is not the account of any accredited issuer.
error NotAnIssuer(address account);

/// @dev The issuer is suspended; it may not write until reinstated.
error IssuerSuspended(bytes20 oin);

/// @dev The issuer is not suspended, so it cannot be reinstated.
error IssuerNotSuspended(bytes20 oin);

/// @dev The key id is zero.
error InvalidKeyId(bytes32 keyId);

/// @dev The key id is already in use (key ids are never reused, even across issuers).
error KeyIdAlreadyUsed(bytes32 keyId);

/// @dev No key with this id exists.
error UnknownKey(bytes32 keyId);

/// @dev A BBS public key must be a compressed G2 point of 96 octets.
error InvalidPublicKeyLength(uint256 length);

/// @dev validFrom must be before validUntil, and validUntil must lie in the future.
error InvalidValidity(uint64 validFrom, uint64 validUntil);

/// @dev The key was already revoked.
error KeyAlreadyRevoked(bytes32 keyId);

/// @dev The issuer's current key was revoked; the issuer cannot issue until a new key is rotated in.
error CurrentKeyRevoked(bytes32 keyId);

/// @dev The issuer's current key is not valid yet.
error KeyNotYetValid(bytes32 keyId, uint64 validFrom);

/// @dev The issuer's current key has expired.
error KeyExpired(bytes32 keyId, uint64 validUntil);
