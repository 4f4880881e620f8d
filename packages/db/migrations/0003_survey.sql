CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"value" smallint NOT NULL,
	"scored" smallint,
	CONSTRAINT "survey_answers_response_id_item_key_value_pk" PRIMARY KEY("response_id","item_key","value")
);
--> statement-breakpoint
CREATE TABLE "survey_group_reports" (
	"wave_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"level" text NOT NULL,
	"group_id" uuid,
	"name" text NOT NULL,
	"parent_key" text,
	"filter" text,
	"shown" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"data" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_group_reports_wave_id_group_key_pk" PRIMARY KEY("wave_id","group_key")
);
--> statement-breakpoint
CREATE TABLE "survey_instrument_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_open_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"district_id" uuid,
	"unit_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_participation" (
	"wave_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"reminder_token_hash" text,
	"answered" boolean DEFAULT false NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_participation_wave_id_person_id_pk" PRIMARY KEY("wave_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"district_id" uuid,
	"unit_id" uuid NOT NULL,
	"age_band" smallint,
	"gender" smallint,
	"service_band" smallint,
	"origin" smallint
);
--> statement-breakpoint
CREATE TABLE "survey_scale_scores" (
	"response_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"scale_key" text NOT NULL,
	"score" real NOT NULL,
	"favourable" boolean NOT NULL,
	CONSTRAINT "survey_scale_scores_response_id_scale_key_pk" PRIMARY KEY("response_id","scale_key")
);
--> statement-breakpoint
CREATE TABLE "survey_wave_teams" (
	"wave_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"district_id" uuid,
	"invited" integer DEFAULT 0 NOT NULL,
	"link_hash" text,
	CONSTRAINT "survey_wave_teams_wave_id_team_id_pk" PRIMARY KEY("wave_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "survey_wave_units" (
	"wave_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"relay_order" integer NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	CONSTRAINT "survey_wave_units_wave_id_unit_id_pk" PRIMARY KEY("wave_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rules" jsonb NOT NULL,
	"previous_wave_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"imported" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_group_reports" ADD CONSTRAINT "survey_group_reports_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_answers" ADD CONSTRAINT "survey_open_answers_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participation" ADD CONSTRAINT "survey_participation_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_scale_scores" ADD CONSTRAINT "survey_scale_scores_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_teams" ADD CONSTRAINT "survey_wave_teams_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_teams" ADD CONSTRAINT "survey_wave_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_teams" ADD CONSTRAINT "survey_wave_teams_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_teams" ADD CONSTRAINT "survey_wave_teams_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_units" ADD CONSTRAINT "survey_wave_units_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_units" ADD CONSTRAINT "survey_wave_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_instrument_version_id_survey_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."survey_instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_queued_idx" ON "mail_outbox" USING btree ("created_at") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "survey_answers_wave_item_idx" ON "survey_answers" USING btree ("wave_id","item_key");--> statement-breakpoint
CREATE INDEX "survey_group_reports_parent_idx" ON "survey_group_reports" USING btree ("wave_id","parent_key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_instrument_versions_key_version_uq" ON "survey_instrument_versions" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "survey_open_answers_wave_team_idx" ON "survey_open_answers" USING btree ("wave_id","team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_participation_token_uq" ON "survey_participation" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_participation_reminder_token_uq" ON "survey_participation" USING btree ("reminder_token_hash");--> statement-breakpoint
CREATE INDEX "survey_participation_team_idx" ON "survey_participation" USING btree ("wave_id","team_id");--> statement-breakpoint
CREATE INDEX "survey_responses_wave_team_idx" ON "survey_responses" USING btree ("wave_id","team_id");--> statement-breakpoint
CREATE INDEX "survey_scale_scores_wave_idx" ON "survey_scale_scores" USING btree ("wave_id","scale_key");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_wave_teams_link_uq" ON "survey_wave_teams" USING btree ("link_hash");--> statement-breakpoint
CREATE INDEX "survey_waves_status_idx" ON "survey_waves" USING btree ("status");--> statement-breakpoint
-- An instrument version that a wave has opened with never changes (the service checks too).
CREATE FUNCTION survey_instrument_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM survey_waves w WHERE w.instrument_version_id = OLD.id AND w.status <> 'draft') THEN
    RAISE EXCEPTION 'instrument version %/% is used by a wave and may not change', OLD.key, OLD.version
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER survey_instrument_versions_immutable BEFORE UPDATE OR DELETE ON survey_instrument_versions
  FOR EACH ROW EXECUTE FUNCTION survey_instrument_version_guard();
