CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user1_id" uuid,
	"user2_id" uuid,
	"user1_socket_id" text NOT NULL,
	"user2_socket_id" text NOT NULL,
	"user1_username" text NOT NULL,
	"user2_username" text NOT NULL,
	"user1_public_id" text,
	"user2_public_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"duration" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"end_reason" text,
	"interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"matched_by_interests" boolean DEFAULT false NOT NULL,
	"chat_messages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message_count" integer DEFAULT 0 NOT NULL,
	"connection_quality" text,
	"ice_connection_state" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reporter_id" uuid,
	"reporter_socket_id" text,
	"reporter_username" text NOT NULL,
	"reporter_public_id" text,
	"reported_user_id" uuid,
	"reported_socket_id" text,
	"reported_username" text NOT NULL,
	"reported_public_id" text,
	"match_id" uuid,
	"reason" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"transcript" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"action_taken" text,
	"moderator_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "privacy" SET DEFAULT '{"showOnlineStatus":true,"allowFriendRequests":"everyone","showMatchCount":true,"allowMessages":"everyone","sendReadReceipts":true}'::jsonb;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_user1_id_users_id_fk" FOREIGN KEY ("user1_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_user2_id_users_id_fk" FOREIGN KEY ("user2_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reported_user_id_users_id_fk" FOREIGN KEY ("reported_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matches_user1_started_idx" ON "matches" USING btree ("user1_id","started_at");--> statement-breakpoint
CREATE INDEX "matches_user2_started_idx" ON "matches" USING btree ("user2_id","started_at");--> statement-breakpoint
CREATE INDEX "matches_status_idx" ON "matches" USING btree ("status");--> statement-breakpoint
CREATE INDEX "matches_started_idx" ON "matches" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_reported_idx" ON "reports" USING btree ("reported_user_id","status");--> statement-breakpoint
CREATE INDEX "reports_status_created_idx" ON "reports" USING btree ("status","created_at");