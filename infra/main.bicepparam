// Example parameters for infra/main.bicep. Copy it, fill in your SMTP server, and pass secrets on the command line
// (never commit them), e.g.:
//   az deployment group create -g rg-outreach -f infra/main.bicep -p infra/main.bicepparam \
//     -p smtpPassword="$SMTP_PASSWORD" -p tokenSigningKeys="{\"k1\":\"$(openssl rand -base64 48)\"}" \
//     -p ownerSecretKeys="{\"s1\":\"$(openssl rand -base64 32)\"}"
using './main.bicep'

param baseName = 'outreach'
param maximumInstanceCount = 40
param instanceMemoryMB = 512
param smtpHost = 'smtp.office365.com'
param smtpPort = 587
param smtpEnableSsl = true
param smtpUserName = 'outreach@example.edu'
param tokenKeyIds = [
  'k1'
]
param currentTokenKeyId = 'k1'
param ownerSecretKeyIds = [
  's1'
]
param currentOwnerSecretKeyId = 's1'
param publicBaseUrl = 'https://outreach.example.edu/'
param replyDomain = 'reply.outreach.example.edu'
param unsubscribeMailbox = 'unsubscribe@outreach.example.edu'
param logRetentionInDays = 30
param logDailyQuotaGb = 1
