-- Members are users of the same business: the composite keys make another tenant's user or team
-- impossible.
CREATE TABLE team_member (
  tenant_id  BIGINT  NOT NULL,
  team_id    BIGINT  NOT NULL,
  user_id    BIGINT  NOT NULL,
  PRIMARY KEY (team_id, user_id),
  KEY team_member_user_ix (tenant_id, user_id),
  CONSTRAINT team_member_team_fk FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id)
    ON DELETE CASCADE,
  CONSTRAINT team_member_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES user_account (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
