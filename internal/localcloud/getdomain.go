package localcloud

// getDomainOutput is the GetDomain output. createdAt and lastUpdatedAt are
// epoch seconds in this operation.
type getDomainOutput struct {
	ID                  string            `json:"id"`
	Name                string            `json:"name,omitempty"`
	Description         string            `json:"description,omitempty"`
	DomainExecutionRole string            `json:"domainExecutionRole"`
	ServiceRole         string            `json:"serviceRole,omitempty"`
	DomainVersion       string            `json:"domainVersion,omitempty"`
	KmsKeyIdentifier    string            `json:"kmsKeyIdentifier,omitempty"`
	SingleSignOn        *singleSignOn     `json:"singleSignOn,omitempty"`
	Arn                 string            `json:"arn,omitempty"`
	PortalURL           string            `json:"portalUrl,omitempty"`
	RootDomainUnitID    string            `json:"rootDomainUnitId,omitempty"`
	Status              string            `json:"status"`
	Tags                map[string]string `json:"tags,omitempty"`
	CreatedAt           epochSeconds      `json:"createdAt,omitempty"`
	LastUpdatedAt       epochSeconds      `json:"lastUpdatedAt,omitempty"`
}

type singleSignOn struct {
	Type           string `json:"type,omitempty"`
	UserAssignment string `json:"userAssignment,omitempty"`
	IdcInstanceArn string `json:"idcInstanceArn,omitempty"`
}

// getDomain implements GetDomain: GET /v2/domains/{identifier}. Unlike a
// Cloud Control read, it returns the service role.
func (c *Cloud) getDomain(call *apiCall, id string) (any, *APIError) {
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	dom, apiErr := c.dataZoneDomain(call, id)
	if apiErr != nil {
		return nil, apiErr
	}
	m := dom.Model
	out := &getDomainOutput{
		ID:                  dom.Key.Identifier,
		Name:                stringAt(m, "Name"),
		Description:         stringAt(m, "Description"),
		DomainExecutionRole: stringAt(m, "DomainExecutionRole"),
		ServiceRole:         stringAt(m, "ServiceRole"),
		DomainVersion:       stringAt(m, "DomainVersion"),
		KmsKeyIdentifier:    stringAt(m, "KmsKeyIdentifier"),
		Arn:                 stringAt(m, "Arn"),
		PortalURL:           stringAt(m, "PortalUrl"),
		RootDomainUnitID:    stringAt(m, "RootDomainUnitId"),
		Status:              stringAt(m, "Status"),
		CreatedAt:           modelEpoch(stringAt(m, "CreatedAt")),
		LastUpdatedAt:       modelEpoch(stringAt(m, "LastUpdatedAt")),
	}
	if sso := objectAt(m, "SingleSignOn"); sso != nil {
		out.SingleSignOn = &singleSignOn{
			Type:           stringAt(sso, "Type"),
			UserAssignment: stringAt(sso, "UserAssignment"),
			IdcInstanceArn: stringAt(sso, "IdcInstanceArn"),
		}
	}
	for _, v := range listAt(m, "Tags") {
		tag, _ := v.(map[string]any)
		if out.Tags == nil {
			out.Tags = map[string]string{}
		}
		out.Tags[stringAt(tag, "Key")] = stringAt(tag, "Value")
	}

	return out, nil
}
