// Sign-in operations live in auth-queries.graphql (the session's Me and Logout in shared/api/session.graphql).
export {
  AcceptInvitationLinkDocument as ACCEPT_INVITATION_LINK,
  LoginDocument as LOGIN,
  RegisterDocument as REGISTER,
  RequestPasswordResetDocument as REQUEST_PASSWORD_RESET,
  ResetPasswordDocument as RESET_PASSWORD,
  VerifyEmailDocument as VERIFY_EMAIL,
} from '../../shared/api/generated/graphql';
