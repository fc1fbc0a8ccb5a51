CREATE TABLE "dm_call_slots" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dm_calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"caller_id" uuid NOT NULL,
	"callee_id" uuid NOT NULL,
	"call_type" text NOT NULL,
	"status" text DEFAULT 'ringing' NOT NULL,
	"outcome" text,
	"caller_socket_id" text,
	"callee_socket_id" text,
	"caller_state" jsonb NOT NULL,
	"callee_state" jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration" integer,
	"ended_by" uuid,
	"ring_deadline" timestamp with time zone NOT NULL,
	"caller_grace_until" timestamp with time zone,
	"callee_grace_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dm_call_slots" ADD CONSTRAINT "dm_call_slots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_call_slots" ADD CONSTRAINT "dm_call_slots_call_id_dm_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."dm_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_calls" ADD CONSTRAINT "dm_calls_caller_id_users_id_fk" FOREIGN KEY ("caller_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_calls" ADD CONSTRAINT "dm_calls_callee_id_users_id_fk" FOREIGN KEY ("callee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dm_calls_caller_idx" ON "dm_calls" USING btree ("caller_id","started_at");--> statement-breakpoint
CREATE INDEX "dm_calls_callee_idx" ON "dm_calls" USING btree ("callee_id","started_at");--> statement-breakpoint
CREATE INDEX "dm_calls_live_idx" ON "dm_calls" USING btree ("status") WHERE "dm_calls"."status" <> 'ended';
