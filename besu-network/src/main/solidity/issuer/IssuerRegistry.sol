// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

import {IIssuerRegistry} from "./IIssuerRegistry.sol";
import {IssuerView, IssuerKey} from "./IssuerRegistryTypes.sol";
import "./IssuerRegistryErrors.sol";
import {NotNetworkAdmin, InvalidAccount} from "../common/NetworkErrors.sol";

/// @title Issuer registry (see IIssuerRegistry for roles and refusals).
contract IssuerRegistry is IIssuerRegistry {
    uint256 private constant PUBLIC_KEY_LENGTH = 96;

    struct IssuerRecord {
        string name;
        address account;
        bool active;
        uint64 accreditedAt;
        bytes32[] keyIds;
    }

    address private _networkAdmin;
    mapping(bytes20 oin => IssuerRecord) private _issuers;
    bytes20[] private _oins;
    mapping(address account => bytes20 oin) private _oinOfAccount;
    mapping(bytes32 keyId => IssuerKey) private _keys;

    constructor(address networkAdmin_) {
        if (networkAdmin_ == address(0)) revert InvalidAccount(networkAdmin_);
        _networkAdmin = networkAdmin_;
        emit NetworkAdminTransferred(address(0), networkAdmin_);
    }

    modifier onlyNetworkAdmin() {
        if (msg.sender != _networkAdmin) revert NotNetworkAdmin(msg.sender);
        _;
    }

    function networkAdmin() external view returns (address) {
        return _networkAdmin;
    }

    function transferNetworkAdmin(address newAdmin) external onlyNetworkAdmin {
        if (newAdmin == address(0)) revert InvalidAccount(newAdmin);
        emit NetworkAdminTransferred(_networkAdmin, newAdmin);
        _networkAdmin = newAdmin;
    }

    function accreditIssuer(
        bytes20 oin,
        string calldata name,
        address account,
        bytes32 keyId,
        bytes calldata publicKey,
        uint64 validFrom,
        uint64 validUntil
    ) external onlyNetworkAdmin {
        _requireValidOin(oin);
        if (bytes(name).length == 0) revert EmptyIssuerName();
        if (_exists(oin)) revert IssuerAlreadyAccredited(oin);
        _requireFreeAccount(account);

        IssuerRecord storage issuer = _issuers[oin];
        issuer.name = name;
        issuer.account = account;
        issuer.active = true;
        issuer.accreditedAt = uint64(block.timestamp);
        _oins.push(oin);
        _oinOfAccount[account] = oin;
        _addKey(oin, issuer, keyId, publicKey, validFrom, validUntil);

        emit IssuerAccredited(oin, account, keyId);
    }

    function suspendIssuer(bytes20 oin) external onlyNetworkAdmin {
        IssuerRecord storage issuer = _existing(oin);
        if (!issuer.active) revert IssuerSuspended(oin);
        issuer.active = false;
        emit IssuerSuspensionChanged(oin, true);
    }

    function reinstateIssuer(bytes20 oin) external onlyNetworkAdmin {
        IssuerRecord storage issuer = _existing(oin);
        if (issuer.active) revert IssuerNotSuspended(oin);
        issuer.active = true;
        emit IssuerSuspensionChanged(oin, false);
    }

    function changeIssuerAccount(bytes20 oin, address newAccount) external onlyNetworkAdmin {
        IssuerRecord storage issuer = _existing(oin);
        _requireFreeAccount(newAccount);
        address previous = issuer.account;
        delete _oinOfAccount[previous];
        _oinOfAccount[newAccount] = oin;
        issuer.account = newAccount;
        emit IssuerAccountChanged(oin, previous, newAccount);
    }

    function rotateKey(
        bytes20 oin,
        bytes32 keyId,
        bytes calldata publicKey,
        uint64 validFrom,
        uint64 validUntil
    ) external onlyNetworkAdmin {
        IssuerRecord storage issuer = _existing(oin);
        bytes32 previousKeyId = issuer.keyIds[issuer.keyIds.length - 1];
        _addKey(oin, issuer, keyId, publicKey, validFrom, validUntil);
        _keys[previousKeyId].retiredAt = uint64(block.timestamp);
        emit KeyRotated(oin, previousKeyId, keyId);
    }

    function revokeKey(bytes32 keyId) external onlyNetworkAdmin {
        IssuerKey storage key = _keys[keyId];
        if (key.issuerOin == bytes20(0)) revert UnknownKey(keyId);
        if (key.revoked) revert KeyAlreadyRevoked(keyId);
        key.revoked = true;
        emit KeyRevoked(key.issuerOin, keyId);
    }

    function getIssuer(bytes20 oin) external view returns (IssuerView memory) {
        IssuerRecord storage issuer = _existing(oin);
        return IssuerView({
            oin: oin,
            name: issuer.name,
            account: issuer.account,
            active: issuer.active,
            accreditedAt: issuer.accreditedAt,
            currentKeyId: issuer.keyIds[issuer.keyIds.length - 1],
            keyCount: uint32(issuer.keyIds.length)
        });
    }

    function issuerOins() external view returns (bytes20[] memory) {
        return _oins;
    }

    function issuerOfAccount(address account) external view returns (bytes20) {
        return _oinOfAccount[account];
    }

    function getKey(bytes32 keyId) external view returns (IssuerKey memory) {
        IssuerKey storage key = _keys[keyId];
        if (key.issuerOin == bytes20(0)) revert UnknownKey(keyId);
        return key;
    }

    function keyIdsOf(bytes20 oin) external view returns (bytes32[] memory) {
        return _existing(oin).keyIds;
    }

    function requireIssuing(address account) external view returns (bytes20 oin) {
        oin = _activeIssuerOf(account);
        IssuerRecord storage issuer = _issuers[oin];
        IssuerKey storage key = _keys[issuer.keyIds[issuer.keyIds.length - 1]];
        if (key.revoked) revert CurrentKeyRevoked(key.keyId);
        if (block.timestamp < key.validFrom) revert KeyNotYetValid(key.keyId, key.validFrom);
        if (block.timestamp >= key.validUntil) revert KeyExpired(key.keyId, key.validUntil);
    }

    function requireActiveIssuer(address account) external view returns (bytes20 oin) {
        return _activeIssuerOf(account);
    }

    function _activeIssuerOf(address account) private view returns (bytes20 oin) {
        oin = _oinOfAccount[account];
        if (oin == bytes20(0)) revert NotAnIssuer(account);
        if (!_issuers[oin].active) revert IssuerSuspended(oin);
    }

    function _addKey(
        bytes20 oin,
        IssuerRecord storage issuer,
        bytes32 keyId,
        bytes calldata publicKey,
        uint64 validFrom,
        uint64 validUntil
    ) private {
        if (keyId == bytes32(0)) revert InvalidKeyId(keyId);
        if (_keys[keyId].issuerOin != bytes20(0)) revert KeyIdAlreadyUsed(keyId);
        if (publicKey.length != PUBLIC_KEY_LENGTH) revert InvalidPublicKeyLength(publicKey.length);
        if (validFrom >= validUntil || validUntil <= block.timestamp) revert InvalidValidity(validFrom, validUntil);
        _keys[keyId] = IssuerKey({
            keyId: keyId,
            issuerOin: oin,
            publicKey: publicKey,
            validFrom: validFrom,
            validUntil: validUntil,
            addedAt: uint64(block.timestamp),
            retiredAt: 0,
            revoked: false
        });
        issuer.keyIds.push(keyId);
    }

    function _requireFreeAccount(address account) private view {
        if (account == address(0)) revert InvalidAccount(account);
        bytes20 holder = _oinOfAccount[account];
        if (holder != bytes20(0)) revert AccountAlreadyAssigned(account, holder);
    }

    function _requireValidOin(bytes20 oin) private pure {
        for (uint256 i = 0; i < 20; i++) {
            bytes1 digit = oin[i];
            if (digit < 0x30 || digit > 0x39) revert InvalidOin(oin);
        }
    }

    function _exists(bytes20 oin) private view returns (bool) {
        return _issuers[oin].keyIds.length != 0;
    }

    function _existing(bytes20 oin) private view returns (IssuerRecord storage issuer) {
        issuer = _issuers[oin];
        if (issuer.keyIds.length == 0) revert UnknownIssuer(oin);
    }
}
