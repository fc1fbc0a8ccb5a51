/**
 * Seed 000's socket events, copied from its section "Socket.io Events Specification (Complete &
 * Detailed)" (seeds/000_*.txt in the shared folder beside the repository). Copied rather than read at
 * test time, so the contract test runs in any clone. Each event lists the top-level fields of its payload
 * as the seed writes them; `?` marks a field the seed calls optional. The section comments are the
 * seed's. Socket.IO's own `connect`, `disconnect` and `reconnect` are listed under CONNECTION EVENTS
 * there and are left out here: the client library raises them, nobody registers them.
 */

export const SEED_000_CLIENT_EVENTS: Readonly<Record<string, readonly string[]>> = {
  // CONNECTION EVENTS
  authenticate: ['token'],
  heartbeat: [],
  // WEBRTC SIGNALING EVENTS (Video Chat)
  join_queue: ['interests', 'userId', 'userId7Digit'],
  leave_queue: [],
  webrtc_offer: ['to', 'offer'],
  webrtc_answer: ['to', 'answer'],
  webrtc_ice_candidate: ['to', 'candidate'],
  skip_partner: [],
  end_chat: [],
  report_partner: ['reason', 'description'],
  connection_quality: ['quality', 'partnerId'],
  // VIDEO CHAT TEXT MESSAGES
  chat_message: ['to', 'message'],
  chat_typing_start: ['to'],
  chat_typing_stop: ['to'],
  // FRIEND SYSTEM EVENTS (REAL-TIME)
  send_friend_request: ['toUserId', 'toUsername', 'toUserId7Digit', 'message?'],
  accept_friend_request: ['requestId'],
  reject_friend_request: ['requestId'],
  cancel_friend_request: ['requestId'],
  unfriend: ['friendId'],
  block_user: ['userId'],
  unblock_user: ['userId'],
  // DIRECT MESSAGING EVENTS (REAL-TIME)
  dm_send: ['to', 'message'],
  dm_typing_start: ['to'],
  dm_typing_stop: ['to'],
  dm_mark_read: ['messageIds', 'fromUserId'],
  dm_mark_delivered: ['messageIds'],
  dm_delete: ['messageId'],
  // NOTIFICATION EVENTS (REAL-TIME)
  notification_mark_read: ['notificationIds'],
  notification_delete: ['notificationId'],
  notification_clear_all: [],
};

export const SEED_000_SERVER_EVENTS: Readonly<Record<string, readonly string[]>> = {
  // CONNECTION EVENTS
  authenticated: [
    'userId',
    'username',
    'userId7Digit',
    'displayName',
    'profilePicture',
    'isAdmin',
    'isPremium',
    'friendsCount',
    'unreadNotifications',
    'unreadMessages',
  ],
  auth_error: ['message', 'code'],
  reconnected: ['missedNotifications', 'missedMessages'],
  force_disconnect: ['reason'],
  user_count_update: ['count', 'timestamp'],
  // WEBRTC SIGNALING EVENTS (Video Chat)
  match_found: [
    'partnerId',
    'partnerUsername',
    'partnerUserId7Digit',
    'partnerDisplayName',
    'partnerProfilePicture',
    'partnerInterests',
    'matchId',
  ],
  partner_disconnected: ['reason', 'matchId'],
  partner_skipped: ['matchId'],
  webrtc_offer: ['from', 'offer'],
  webrtc_answer: ['from', 'answer'],
  webrtc_ice_candidate: ['from', 'candidate'],
  queue_position: ['position', 'totalWaiting', 'estimatedWait'],
  match_ended: ['matchId', 'duration', 'reason', 'partnerId'],
  no_match_available: ['message'],
  queue_timeout: ['waitTime'],
  // VIDEO CHAT TEXT MESSAGES
  chat_message: ['from', 'fromUsername', 'message', 'timestamp'],
  chat_typing_start: ['from'],
  chat_typing_stop: ['from'],
  // FRIEND SYSTEM EVENTS (REAL-TIME)
  friend_request_received: ['requestId', 'from', 'message?', 'sentAt'],
  friend_request_accepted: ['requestId', 'by', 'acceptedAt'],
  friend_request_rejected: ['requestId', 'by', 'rejectedAt'],
  friend_request_cancelled: ['requestId', 'by'],
  friend_online: ['friendId', 'userId7Digit', 'username', 'displayName', 'profilePicture', 'timestamp'],
  friend_offline: ['friendId', 'userId7Digit', 'username', 'timestamp'],
  unfriended: ['by', 'timestamp'],
  blocked_by_user: ['by'],
  friend_profile_updated: ['friendId', 'updatedFields'],
  // DIRECT MESSAGING EVENTS (REAL-TIME)
  dm_receive: ['messageId', 'from', 'message', 'timestamp', 'conversationId'],
  dm_delivered: ['messageId', 'deliveredAt', 'toUserId'],
  dm_read: ['messageIds', 'readAt', 'readBy'],
  dm_typing_start: ['from'],
  dm_typing_stop: ['from'],
  dm_deleted: ['messageId', 'deletedBy', 'timestamp'],
  dm_error: ['error', 'originalMessage'],
  // NOTIFICATION EVENTS (REAL-TIME)
  notification_new: [
    'notificationId',
    'type',
    'title',
    'content',
    'relatedUserId',
    'relatedUsername',
    'relatedUserId7Digit',
    'actionUrl',
    'timestamp',
    'priority',
  ],
  notification_count_update: ['unreadCount', 'lastNotification?'],
  // ADMIN EVENTS (Admin Dashboard Real-time Updates)
  admin_user_count_update: ['count', 'anonymous', 'registered', 'premium', 'timestamp'],
  admin_new_registration: ['user'],
  admin_new_report: ['report'],
  admin_user_status_change: ['userId', 'userId7Digit', 'username', 'isOnline', 'timestamp'],
  admin_user_banned: [
    'userId',
    'userId7Digit',
    'username',
    'bannedBy',
    'bannedByUsername',
    'reason',
    'banType',
    'banUntil',
    'timestamp',
  ],
  admin_user_unbanned: [
    'userId',
    'userId7Digit',
    'username',
    'unbannedBy',
    'unbannedByUsername',
    'reason',
    'timestamp',
  ],
  admin_match_started: ['matchId', 'user1', 'user2', 'interests', 'timestamp'],
  admin_match_ended: ['matchId', 'duration', 'endReason', 'timestamp'],
  admin_report_reviewed: [
    'reportId',
    'reviewedBy',
    'reviewedByUsername',
    'status',
    'actionTaken',
    'timestamp',
  ],
  admin_system_alert: ['level', 'message', 'details', 'timestamp'],
  admin_stats_update: [
    'totalUsers',
    'onlineUsers',
    'activeMatches',
    'pendingReports',
    'todayRegistrations',
    'todayMatches',
    'peakOnlineToday',
    'timestamp',
  ],
  // ERROR EVENTS
  error: ['code', 'message', 'details?'],
  rate_limit_exceeded: ['endpoint', 'retryAfter', 'limit', 'window'],
  validation_error: ['field', 'message', 'value?'],
  auth_required: ['action', 'message'],
  permission_denied: ['action', 'requiredRole', 'message'],
  user_banned: ['reason', 'banType', 'banUntil', 'appealUrl?'],
};
