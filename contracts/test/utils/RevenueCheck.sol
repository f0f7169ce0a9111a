// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RevenueRights} from "../../contracts/assets/RevenueRights.sol";

library RevenueCheck {
    error RevenueCheckOverpaid(uint256 owed, uint256 available);

    /// @dev Claimed so far plus what every holder can still claim never exceeds the income deposited.
    function allClaimsCovered(RevenueRights revenue, uint256 vid, address token, address[] memory holders)
        internal
        view
    {
        RevenueRights.Pool memory p = revenue.pool(vid, token);
        uint256 owed = p.claimed;
        for (uint256 i; i < holders.length; ++i) {
            owed += revenue.claimable(vid, token, holders[i]);
        }
        if (owed > p.deposited) revert RevenueCheckOverpaid(owed, p.deposited);
    }
}
